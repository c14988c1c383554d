// The registry of VOI metamodel kinds: adding one is a new file plus one line here.
import * as z from "zod";
import type { Basis } from "./metamodel-fit.js";
import { polyBasis, polyMethodSchema } from "./metamodel-poly.js";
import { splineBasis, splineMethodSchema } from "./metamodel-spline.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * How the net-benefit differences are regressed on the parameters: `poly` (dampack's default for `type = "poly"`) or `spline` (GAM-style).
 *
 * @category Value of Information
 */
export const metamodelSchema = lazySchema(() => z.discriminatedUnion("type", [polyMethodSchema, splineMethodSchema]));

/**
 * A metamodel choice as written by callers.
 *
 * @category Value of Information
 */
export type MetamodelInput = z.input<typeof metamodelSchema>;
/**
 * A parsed metamodel choice.
 *
 * @category Value of Information
 */
export type Metamodel = z.output<typeof metamodelSchema>;

/** The design matrix a metamodel regresses on, and whether a ridge may rescue a singular X'X (penalised kinds only). */
export function buildBasis(method: Metamodel, params: readonly Float64Array[], names: readonly string[]): { basis: Basis; allowRidge: boolean } {
  switch (method.type) {
    case "poly":
      return { basis: polyBasis(method, params, names), allowRidge: false };
    case "spline":
      return { basis: splineBasis(method, params, names), allowRidge: true };
  }
}

/** A sentence naming the method and its settings. */
export function describeMetamodel(method: Metamodel): string {
  switch (method.type) {
    case "poly":
      return `additive polynomial of degree ${method.degree} per parameter, ordinary least squares`;
    case "spline":
      return `penalised cubic regression splines (${method.basisDimension} basis functions per parameter${method.interactions ? `, tensor interaction with ${method.interactionDimension} per margin` : ", no interaction"}), smoothing chosen by GCV`;
  }
}
