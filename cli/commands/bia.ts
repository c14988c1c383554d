import { budgetImpact, formatMoney } from "../../src/index.js";
import { type Command, positional } from "../command.js";
import { readJson, render } from "../io.js";

const pct = (share: string | null) => (share === null ? "" : `${(Number(share) * 100).toFixed(3)}%`);

export const biaCommand: Command = {
  name: "bia",
  summary: "budget impact of a newly listed therapy, year by year",
  usage: `usage: precision-vbp bia <input.json> [--json|--csv]

Reads a budget-impact document (eligible population, uptake, cost per treated patient, displaced
therapies, avoided events, fund expenditure and surplus, affordability limit; see docs/budget.md)
and prints each year's treated patients, gross and net cost, and shares of the fund.`,
  options: {},
  async run(args, io) {
    const file = positional(this, args, 0, "the budget-impact document");
    const result = budgetImpact(readJson(file) as Parameters<typeof budgetImpact>[0]);
    io.out(
      render(
        {
          title: `Budget impact over ${result.horizon} year(s): verdict ${result.verdict}`,
          columns: ["year", "treated", "gross cost", "net cost", "share of expenditure", "share of surplus", "within limit"],
          rows: [
            ...result.years.map((y) => [
              String(y.calendarYear ?? y.year),
              y.treated,
              formatMoney(y.grossCost, { currency: false }),
              formatMoney(y.netCost, { currency: false }),
              pct(y.shareOfExpenditure),
              pct(y.shareOfSurplus),
              y.withinLimit === null ? "" : y.withinLimit ? "yes" : "no",
            ]),
            ["total", "", formatMoney(result.totalGrossCost, { currency: false }), formatMoney(result.totalNetCost, { currency: false }), "", "", ""],
          ],
          json: result,
        },
        args.format,
      ),
    );
  },
};
