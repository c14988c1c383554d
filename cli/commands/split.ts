import { formatMoney, splitBill } from "../../src/index.js";
import { type Command, positional } from "../command.js";
import { CliError, readJson, render } from "../io.js";

export const splitCommand: Command = {
  name: "split",
  summary: "split a bill across coverage layers (basic, supplementary, commercial, PAP, assistance)",
  usage: `usage: precision-vbp split <layers.json> (<claim.json> | --bill AMOUNT) [--json|--csv]

Reads a coverage plan (layers applied in order; see docs/tiers.md) and a claim document
{ "bill": "1000000", "catalogueAmount"?, "patient"?, "year"?, "accumulators"? } — or just --bill —
and prints what each layer pays, on what basis, and the patient's share. --json includes the
updated annual accumulators to pass to the next claim of the year.`,
  options: { bill: { type: "string" } },
  async run(args, io) {
    const layersFile = positional(this, args, 0, "the layers file");
    const plan = readJson(layersFile);
    let claim: Record<string, unknown>;
    let claimFile = layersFile;
    if (typeof args.values.bill === "string") claim = { bill: args.values.bill };
    else {
      claimFile = positional(this, args, 1, "the claim file (or --bill AMOUNT)");
      const doc = readJson(claimFile);
      if (typeof doc !== "object" || doc === null || Array.isArray(doc)) throw new CliError(`${claimFile}: expected a claim object { "bill": … }`);
      claim = doc as Record<string, unknown>;
    }
    let result;
    try {
      result = splitBill({ ...claim, plan } as Parameters<typeof splitBill>[0]);
    } catch (e) {
      // Paths under plan.* belong to the layers file; the rest to the claim.
      const path = (e as { issues?: { path: readonly unknown[] }[]; path?: readonly unknown[] }).issues?.[0]?.path ?? (e as { path?: readonly unknown[] }).path ?? [];
      (e as { file?: string }).file = path[0] === "plan" ? layersFile : claimFile;
      throw e;
    }
    const m = (x: Parameters<typeof formatMoney>[0]) => formatMoney(x, { currency: false });
    io.out(
      render(
        {
          title: `Bill ${formatMoney(result.bill)} split across ${result.layers.length} layer(s)`,
          columns: ["layer", "kind", "basis", "base", "eligible", "deductible", "rate", "pays", "limited by"],
          rows: [
            ...result.layers.map((l) => [l.name, l.kind, l.basis, m(l.base), m(l.eligible), m(l.deductibleApplied), l.rate, m(l.amount), l.limitedBy ?? ""]),
            ["patient (out of pocket)", "", "", "", "", "", "", m(result.patient), ""],
          ],
          json: result,
          notes: result.layers.map((l) => `${l.name}: ${l.text}`),
        },
        args.format,
      ),
    );
  },
};
