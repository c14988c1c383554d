// What a VOI metamodel kind is: everything about it in one record (its options, its design
// matrix, its sentence), so the fit and its description cannot disagree about which kinds
// exist. Adding a kind is one file exporting such a record plus one line in metamodels.ts.
// Not public.
import type * as z from "zod";
import type { Basis } from "./metamodel-fit.js";

/** One metamodel kind, `Schema` being its options (a strict object with a literal `type`). */
export interface MetamodelKind<Schema extends z.ZodType<{ readonly type: string }>> {
  /** The `type` its documents carry (the literal of its schema). */
  readonly type: z.output<Schema>["type"];
  /** Its options. */
  readonly schema: Schema;
  /** The design matrix it regresses on, for the draws of one parameter group. */
  readonly basis: (method: z.output<Schema>, params: readonly Float64Array[], names: readonly string[]) => Basis;
  /** Whether a ridge may rescue a singular X'X (penalised kinds only). */
  readonly allowRidge: boolean;
  /** A sentence naming the method and its settings. */
  readonly describe: (method: z.output<Schema>) => string;
}
