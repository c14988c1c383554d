// Package settlement kind `packageLines`: the package was billed and settled under its own
// code (B1's monthly bundle); had the episode been settled as the package, the fund would
// have paid what it paid on the package-code lines and nothing besides.
import * as z from "zod";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** The zod schema of a `packageLines` settlement: `{ kind: "packageLines" }`. */
export const packageLinesSettlementSchema = lazySchema(() => z.strictObject({
  /** `"packageLines"`: the fund owes what it paid on the package's own lines. */
  kind: z.literal("packageLines"),
}).strict());

/** A parsed `packageLines` settlement. */
export type PackageLinesSettlement = z.output<typeof packageLinesSettlementSchema>;

/** The `packageLines` kind. */
export const packageLinesSettlementKind = {
  schema: packageLinesSettlementSchema,
  due: (_rule: PackageLinesSettlement, ctx: { paidOnPackageLines: bigint }): bigint => ctx.paidOnPackageLines,
  describe: () => "what the fund paid on the package-code lines",
} as const;
