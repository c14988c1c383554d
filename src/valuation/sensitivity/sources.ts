// The registry of sensitivity source kinds: adding a kind is one file exporting a
// SourceKind record (source.ts) plus one entry in SOURCE_KINDS.
import * as z from "zod";
import type { IssuePath } from "../../core/index.js";
import { metamodelSource } from "./metamodel-source.js";
import { modelSource } from "./model-source.js";
import type { PreparedSource, SourceKind } from "./source.js";
import { kindLookup, kindSchemas } from "../../kernel/kind-registry.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** Every source kind, in the order the schema lists them. */
const SOURCE_KINDS = [modelSource, metamodelSource] as const;

/**
 * Where the outcomes come from: `{ type: "model", ... }` (deterministic runs) or `{ type: "metamodel", ... }` (regression on PSA draws).
 *
 * @category Sensitivity Analysis
 */
export const sensitivitySourceSchema = lazySchema(() => z.discriminatedUnion("type", kindSchemas(SOURCE_KINDS)));

/**
 * A sensitivity source as accepted by {@link sensitivitySourceSchema}.
 *
 * @category Sensitivity Analysis
 */
export type SensitivitySourceInput = z.input<typeof sensitivitySourceSchema>;

type SensitivitySource = z.output<typeof sensitivitySourceSchema>;

const sourceKind = kindLookup(SOURCE_KINDS);

/** Prepares a parsed source. */
export function prepareSource(doc: SensitivitySource, path: IssuePath): PreparedSource {
  return (sourceKind(doc.type) as unknown as SourceKind<z.ZodType<SensitivitySource>>).prepare(doc, path);
}
