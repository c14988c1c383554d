export { cePlaneSvg, cePlaneSvgInputSchema, type CePlaneSvgInput } from "./ce-plane.js";
export { ceacSvg, ceacSvgInputSchema, type CeacSvgInput } from "./ceac.js";
export { frontierSvg, frontierSvgInputSchema, type FrontierSvgInput } from "./frontier-plot.js";
export { tornadoSvg, tornadoSvgInputSchema, type TornadoSvgInput, type PlotNumberInput } from "./tornado.js";
export { twoWaySvg, twoWaySvgInputSchema, type TwoWaySvgInput } from "./two-way-plot.js";
