// The registry of sensitivity source kinds: adding a kind is one file plus one line here.
import * as z from "zod";
import type { IssuePath } from "../../core/index.js";
import { metamodelSourceSchema, prepareMetamodelSource } from "./metamodel-source.js";
import { modelSourceSchema, prepareModelSource } from "./model-source.js";
import type { PreparedSource } from "./source.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Where the outcomes come from: `{ type: "model", ... }` (deterministic runs) or `{ type: "metamodel", ... }` (regression on PSA draws).
 *
 * @category Sensitivity Analysis
 */
export const sensitivitySourceSchema = lazySchema(() => z.discriminatedUnion("type", [modelSourceSchema, metamodelSourceSchema]));

/**
 * A sensitivity source as accepted by {@link sensitivitySourceSchema}.
 *
 * @category Sensitivity Analysis
 */
export type SensitivitySourceInput = z.input<typeof sensitivitySourceSchema>;

/** Prepares a parsed source. */
export function prepareSource(doc: z.output<typeof sensitivitySourceSchema>, path: IssuePath): PreparedSource {
  switch (doc.type) {
    case "model":
      return prepareModelSource(doc, path);
    case "metamodel":
      return prepareMetamodelSource(doc, path);
  }
}
