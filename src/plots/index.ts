export { cePlaneSvg, cePlaneSvgInputSchema, type CePlaneSvgInput } from "./ce-plane.js";
export { ceacSvg, ceacSvgInputSchema, type CeacSvgInput } from "./ceac.js";
export { frontierSvg, frontierSvgInputSchema, type FrontierSvgInput } from "./frontier-plot.js";
