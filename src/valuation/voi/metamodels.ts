// The registry of VOI metamodel kinds: adding one is a new file exporting a
// MetamodelKind record (metamodel-kind.ts) plus one entry in METAMODEL_KINDS.
import * as z from "zod";
import type { Basis } from "./metamodel-fit.js";
import type { MetamodelKind } from "./metamodel-kind.js";
import { polyMetamodel } from "./metamodel-poly.js";
import { splineMetamodel } from "./metamodel-spline.js";
import { kindLookup, kindSchemas } from "../../kernel/kind-registry.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** Every metamodel kind, in the order the schema lists them. */
const METAMODEL_KINDS = [polyMetamodel, splineMetamodel] as const;

/**
 * How the net-benefit differences are regressed on the parameters: `poly` (dampack's default for `type = "poly"`) or `spline` (GAM-style).
 *
 * @category Value of Information
 */
export const metamodelSchema = lazySchema(() => z.discriminatedUnion("type", kindSchemas(METAMODEL_KINDS)));

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

const metamodelKind = kindLookup(METAMODEL_KINDS);

/** The kind record of a parsed method. */
function kindOf(method: Metamodel): MetamodelKind<z.ZodType<Metamodel>> {
  return metamodelKind(method.type) as unknown as MetamodelKind<z.ZodType<Metamodel>>;
}

/** The design matrix a metamodel regresses on, and whether a ridge may rescue a singular X'X (penalised kinds only). */
export function buildBasis(method: Metamodel, params: readonly Float64Array[], names: readonly string[]): { basis: Basis; allowRidge: boolean } {
  const kind = kindOf(method);
  return { basis: kind.basis(method, params, names), allowRidge: kind.allowRidge };
}

/** A sentence naming the method and its settings. */
export function describeMetamodel(method: Metamodel): string {
  return kindOf(method).describe(method);
}
