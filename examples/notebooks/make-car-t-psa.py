# Generates car-t-psa.ipynb (cells only; outputs come from executing it):
#   /usr/bin/python3 examples/notebooks/make-car-t-psa.py examples/notebooks/car-t-psa.ipynb
#   npm run build && NOTEBOOK_UPDATE=1 bash .ci/steps/notebook.sh   # executes it and stores the outputs
import nbformat, sys
md = nbformat.v4.new_markdown_cell
def code(src, expect=None):
    c = nbformat.v4.new_code_cell(src)
    if expect:
        # Checked by .ci/steps/notebook.sh: each text must appear in the cell's outputs.
        c.metadata["expect"] = expect
    return c
nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": "tslab", "display_name": "TypeScript", "language": "typescript"}
nb.metadata["language_info"] = {"name": "typescript"}
nb.cells = [
md("""# Is CAR-T worth its price, and what does the 40/30/30 deal pay?

A worked analysis with `precision-vbp` in a TypeScript notebook (the [tslab](https://github.com/yunabe/tslab) kernel):

1. a monthly Markov model of CAR-T against salvage chemotherapy, and its trace;
2. a probabilistic sensitivity analysis (PSA) of 1,000 seeded draws on the cost-effectiveness plane;
3. acceptability curves (CEAC) and the expected value of perfect information (EVPI);
4. the outcome-based contract: what the payer pays a patient who develops CRS, to the fen, with the explanation a claims officer reads.

Every figure is reproducible: the PSA is seeded, money is exact decimal arithmetic, and the plots are the library's own SVG. CI executes this notebook end to end (`.ci/steps/notebook.sh`)."""),
code("""import * as tslab from "tslab";
import {
  analyzePsa, ceacSvg, cePlaneSvg, evaluateContract, formatExplanation, formatMoney,
  markovTraceSvg, money, parseContract, runMarkovModel, runModelPsa,
} from "precision-vbp";"""),
md("""## 1. The model

Monthly cycles over 10 years. After infusion a patient is in remission; in the first month 12 % develop severe cytokine release syndrome (CRS); remission is lost at 1.5 % a month. Salvage chemotherapy loses remission at 6 % a month. Costs in CNY, discounted at 3 % a year; utilities per year."""),
code("""const month = (states: string[], matrix: any, cost: Record<string, unknown>, qaly: Record<string, number>) => ({
  type: "markov" as const,
  states,
  initial: { Remission: 1 },
  cycles: 120,
  timeUnit: "month" as const,
  counting: "life-table" as const,
  transitions: [{ matrix }],
  streams: {
    cost: { values: cost, discountRate: 0.03, currency: "CNY" },
    qaly: { per: "year" as const, values: qaly, discountRate: 0.03 },
  },
});
const carT = month(
  ["Remission", "CRS", "Relapse", "Dead"],
  {
    Remission: { Remission: "complement", CRS: { at: [{ param: "pCrs" }, 0], by: "cycle" }, Relapse: { param: "pRelapse" }, Dead: 0.002 },
    CRS: { Remission: "complement", Relapse: { param: "pRelapse" }, Dead: { param: "pCrsDeath" } },
    Relapse: { Relapse: "complement", Dead: 0.06 },
    Dead: { Dead: 1 },
  },
  // The infusion month carries the CAR-T price and the stay; then monitoring.
  { Remission: { at: ["1282500", "2500"], by: "cycle" }, CRS: "80000", Relapse: "9000" },
  { Remission: 0.82, CRS: 0.45, Relapse: 0.6 },
);
const salvage = month(
  ["Remission", "Relapse", "Dead"],
  {
    Remission: { Remission: "complement", Relapse: { param: "pRelapseSalvage" }, Dead: 0.004 },
    Relapse: { Relapse: "complement", Dead: 0.06 },
    Dead: { Dead: 1 },
  },
  { Remission: "9000", Relapse: "9000" },
  { Remission: 0.78, Relapse: 0.6 },
);
const parameters = {
  pCrs: { value: 0.12, distribution: { type: "beta" as const, alpha: 24, beta: 176 } },
  pRelapse: { value: 0.015, distribution: { type: "beta" as const, alpha: 6, beta: 394 } },
  pCrsDeath: { value: 0.05, distribution: { type: "beta" as const, alpha: 5, beta: 95 } },
  pRelapseSalvage: { value: 0.06, distribution: { type: "beta" as const, alpha: 24, beta: 376 } },
};
const base = runMarkovModel({ ...carT, parameters });
console.log(`CAR-T, base case: ${base.streams.qaly.total.toFixed(3)} QALYs, CNY ${base.streams.cost.total.toFixed(2)} over ${base.cycles} months`);
tslab.display.svg(markovTraceSvg({ ...base, title: "CAR-T: share of the cohort in each state" }));""", ["CAR-T, base case: 3.658 QALYs"]),
md("""## 2. PSA on the cost-effectiveness plane

1,000 draws with seed 20260115: every strategy sees the same parameter draw, so the increments are paired. The diamond is the mean increment, the ellipse its 95 % region; the shaded side of the line is cost-effective at λ = CNY 285,000 per QALY (about three times China's GDP per head)."""),
code("""const psa = runModelPsa({
  draws: 1000,
  seed: 20260115,
  parameters: parameters, // tslab: a shorthand property cannot name a variable from an earlier cell
  strategies: [
    { name: "Salvage chemo", model: salvage },
    { name: "CAR-T", model: carT },
  ],
});
for (const s of psa.summary) console.log(`${s.name.padEnd(14)} mean cost ${formatMoney(s.meanCostMoney!)}, mean QALYs ${s.meanEffect.toFixed(3)}`);
tslab.display.svg(cePlaneSvg({ ...psa, lambda: 285000, title: "CAR-T vs salvage chemotherapy: 1,000 PSA draws" }));"""),
md("""## 3. Acceptability and the value of information

`analyzePsa` takes the PSA result as it is, with a willingness-to-pay grid and the currency of the costs (required: no currency is assumed). The CEAC gives the probability that each strategy has the highest net monetary benefit; EVPI is what perfect information would be worth per patient."""),
code("""const lambdas = Array.from({ length: 71 }, (_, i) => i * 15000);
const acceptability = analyzePsa({ ...psa, lambdas, currency: "CNY" });
const at = acceptability.points.find((p) => p.lambda === 285000)!;
console.log(`At λ = CNY 285,000: optimal ${at.optimal}, P(CAR-T cost-effective) = ${at.ceac[1]!.toFixed(3)}, EVPI ${formatMoney(at.evpi)} per patient`);
const turn = acceptability.points.find((p) => p.optimal === "CAR-T");
console.log(turn ? `CAR-T is optimal in expectation from λ = CNY ${turn.lambda.toLocaleString("en")} per QALY (P = ${turn.ceac[1]!.toFixed(3)}, EVPI ${formatMoney(turn.evpi)})` : "CAR-T is never optimal on this grid");
tslab.display.svg(ceacSvg({ ...acceptability, title: "Acceptability curves and frontier (CEAF)" }));"""),
md("""At the list price CAR-T is not cost-effective at three times GDP per head: this is why payers negotiate outcome-based deals that pay less when the therapy fails, and why the library prices a contract under the same uncertainty (`priceContractUnderUncertainty`, see the demo's section 6)."""),
md("""## 4. The 40/30/30 outcome-based contract

The CAR-T price of CNY 1,200,000 is paid 40 % at infusion, 30 % at month 3 if the patient had no CRS, 30 % at month 6 if they have not relapsed. A patient infused on 2026-01-15 develops grade-1 CRS on 2026-01-20: the month-3 tranche is withheld."""),
code("""const contract = parseContract({
  id: "K1-cart-40-30-30",
  currency: "CNY",
  price: "1200000.00",
  payment: {
    type: "schedule",
    installments: [
      { id: "at-infusion", share: "0.4", due: { months: 0 } },
      { id: "month-3", share: "0.3", due: { months: 3 }, conditions: [{ type: "none", events: ["crs"] }] },
      { id: "month-6", share: "0.3", due: { months: 6 }, conditions: [{ type: "none", events: ["relapse"] }] },
    ],
  },
});
const ledger = evaluateContract(contract, [
  { kind: "infusion", date: "2026-01-15" },
  { kind: "crs", date: "2026-01-20", grade: 1 },
], "2026-12-31");
for (const line of ledger.lines) console.log(`${line.date}  ${line.kind.padEnd(9)} ${formatMoney(line.amount).padStart(18)}`);
console.log(`net paid: ${formatMoney(ledger.totals.net)}`);""", ["2026-04-15  withheld", "net paid: CNY 840,000.00"]),
code("""console.log(formatExplanation(ledger.explanation));"""),
md("""Money values display as money, not as floats or decimal internals:"""),
code("""ledger.totals.net""", ["Money(CNY 840000.00)"]),
]
nbformat.write(nb, sys.argv[1])
