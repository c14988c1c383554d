export { cePlaneSvg, cePlaneSvgInputSchema, type CePlaneSvgInput } from "./ce-plane.js";
export { ceacSvg, ceacSvgInputSchema, type CeacSvgInput } from "./ceac.js";
export { frontierSvg, frontierSvgInputSchema, type FrontierSvgInput } from "./frontier-plot.js";
export { tornadoSvg, tornadoSvgInputSchema, type TornadoSvgInput, type PlotNumberInput } from "./tornado.js";
export { twoWaySvg, twoWaySvgInputSchema, type TwoWaySvgInput } from "./two-way-plot.js";
export { evpiCurveSvg, evpiCurveSvgInputSchema, type EvpiCurveSvgInput } from "./evpi-curve.js";
export { evppiBarsSvg, evppiBarsSvgInputSchema, type EvppiBarsSvgInput } from "./evppi-bars.js";
export { evsiCurveSvg, evsiCurveSvgInputSchema, type EvsiCurveSvgInput } from "./evsi-curve.js";
export { expectedLossSvg, expectedLossSvgInputSchema, type ExpectedLossSvgInput } from "./expected-loss.js";
