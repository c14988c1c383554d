import { Command } from "commander";
import { formatMoney, splitBill } from "../../src/index.js";
import { type CommandIo, type OutputOptions, outputFormat, withOutput } from "../command.js";
import { CliError, errorPath, plain, readJson, render, UsageError } from "../io.js";

const DESCRIPTION = `Split a bill across coverage layers (basic, supplementary, commercial, PAP, assistance).

Reads a coverage plan (layers applied in order; see docs/tiers.md) and a claim document
{ "bill": "1000000", "catalogueAmount"?, "patient"?, "year"?, "accumulators"? } — or just --bill —
and prints what each layer pays, on what basis, and the patient's share. --json includes the
updated annual accumulators to pass to the next claim of the year.`;

/** `split`: a bill across coverage layers. */
export function splitCommand(io: CommandIo): Command {
  return withOutput(
    new Command("split")
      .summary("split a bill across coverage layers (basic, supplementary, commercial, PAP, assistance)")
      .description(DESCRIPTION)
      .argument("<layers>", "coverage plan (JSON)")
      .argument("[claim]", "claim document (JSON); or --bill")
      .option("--bill <amount>", "the bill, as a decimal amount"),
  ).action(async (layersFile: string, claimFile: string | undefined, o: OutputOptions & { bill?: string }) => {
    const format = outputFormat(o);
    const plan = readJson(layersFile);
    let claim: Record<string, unknown>;
    if (o.bill !== undefined) {
      if (claimFile !== undefined) throw new UsageError("split: give either <claim> or --bill, not both");
      claim = { bill: o.bill };
    } else {
      if (claimFile === undefined) throw new UsageError("split: missing the claim file (or --bill AMOUNT)");
      const doc = readJson(claimFile);
      if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new CliError(`${claimFile}: expected a claim object { "bill": … }`);
      claim = doc as Record<string, unknown>;
    }
    let result;
    try {
      result = splitBill({ ...claim, plan } as Parameters<typeof splitBill>[0]);
    } catch (e) {
      // Paths under plan.* belong to the layers file; the rest to the claim (or --bill).
      (e as { file?: string }).file = errorPath(e)[0] === "plan" ? layersFile : (claimFile ?? "--bill");
      throw e;
    }
    const m = (x: Parameters<typeof formatMoney>[0]) => formatMoney(x, { currency: false });
    await io.out(
      render(
        {
          title: `Bill ${formatMoney(result.bill)} split across ${result.layers.length} layer(s)`,
          columns: ["layer", "kind", "basis", "base", "eligible", "deductible", "rate", "pays", "limited by"],
          rows: [
            ...result.layers.map((l) => [l.name, l.kind, l.basis, m(l.base), m(l.eligible), m(l.deductibleApplied), l.rate, m(l.amount), l.limitedBy ?? ""]),
            ["patient (out of pocket)", "", "", "", "", "", "", m(result.patient), ""],
          ],
          csv: {
            columns: ["row_type", "layer", "kind", "basis", "base", "eligible", "deductible", "rate", "pays", "limited_by", "currency"],
            rows: [
              ...result.layers.map((l) => ["layer", l.name, l.kind, l.basis, plain(l.base), plain(l.eligible), plain(l.deductibleApplied), l.rate, plain(l.amount), l.limitedBy ?? null, result.bill.currency]),
              ["patient", "patient (out of pocket)", null, null, null, null, null, null, plain(result.patient), null, result.bill.currency],
              ["total", "bill", null, null, null, null, null, null, plain(result.bill), null, result.bill.currency],
            ],
          },
          json: result,
          notes: result.layers.map((l) => `${l.name}: ${l.text}`),
        },
        format,
      ),
    );
  });
}
