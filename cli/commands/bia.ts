import { Command } from "commander";
import { budgetImpact, formatMoney } from "../../src/index.js";
import { type CommandIo, type OutputOptions, outputFormat, withOutput } from "../command.js";
import { blame, plain, readJson, render } from "../io.js";

const pct = (share: string | null) => (share === null ? "" : `${(Number(share) * 100).toFixed(3)}%`);

const DESCRIPTION = `Budget impact of a newly listed therapy, year by year.

Reads a budget-impact document (eligible population, uptake, cost per treated patient, displaced
therapies, avoided events, fund expenditure and surplus, affordability limit; see docs/budget.md)
and prints each year's treated patients, gross and net cost, and shares of the fund.
In CSV the shares are fractions (0.0125), not percentages, and the total row is flagged row_type=total.`;

/** `bia`: budget impact year by year. */
export function biaCommand(io: CommandIo): Command {
  return withOutput(
    new Command("bia").summary("budget impact of a newly listed therapy, year by year").description(DESCRIPTION).argument("<input>", "budget-impact document (JSON)"),
  ).action(async (file: string, o: OutputOptions) => {
    const format = outputFormat(o);
    const doc = readJson(file);
    const result = blame(file, () => budgetImpact(doc as Parameters<typeof budgetImpact>[0]));
    const currency = result.totalNetCost.currency;
    await io.out(
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
          csv: {
            columns: ["row_type", "year", "treated", "gross_cost", "net_cost", "share_of_expenditure", "share_of_surplus", "within_limit", "currency"],
            rows: [
              ...result.years.map((y) => ["year", y.calendarYear ?? y.year, y.treated, plain(y.grossCost), plain(y.netCost), y.shareOfExpenditure, y.shareOfSurplus, y.withinLimit, currency]),
              ["total", null, null, plain(result.totalGrossCost), plain(result.totalNetCost), null, null, null, currency],
            ],
          },
          json: result,
        },
        format,
      ),
    );
  });
}
