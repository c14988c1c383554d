// Cohort rule `continuationGate` (K8: the fund keeps paying after an assessment if the metric reaches a threshold).
import * as z from "zod";
import { currencyCodeSchema, nonNegativeAmountSchema, rateSchema, step } from "../../core/index.js";
import { money, round } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { common, metricSchema, metricOf, need, pct, totals, type CohortRuleKind } from "./rule-kind.js";

/**
 * `continuationGate` (K8): at the assessment the metric must reach `threshold` for the
 * fund to keep paying its part of the annual cost (up to `fundCap`) and the programme reward.
 */
export const continuationGateRuleSchema = z.strictObject({
  type: z.literal("continuationGate"),
  ...common,
  currency: currencyCodeSchema.default("CNY"),
  metric: metricSchema,
  threshold: rateSchema,
  assessAtMonths: z.number().int().min(1).max(120),
  periodMonths: z.number().int().min(1).max(120).default(12),
  periodCost: nonNegativeAmountSchema,
  fundCap: nonNegativeAmountSchema,
  rewardPerPatient: nonNegativeAmountSchema.default(() => new D(0)),
});

/** The `continuationGate` cohort rule. */
export const continuationGateRule: CohortRuleKind<"continuationGate", typeof continuationGateRuleSchema> = {
  type: "continuationGate",
  schema: continuationGateRuleSchema,
  settle(term, s, rounding, steps) {
    const patients = need(s.patients, "patients");
    const value = metricOf(term.metric, s);
    const continued = value.greaterThanOrEqualTo(term.threshold);
    const cur = term.currency;
    // Share of the period the fund covers: all of it if the gate passes, else the months before the assessment.
    const covered = continued ? new D(1) : new D(Math.min(term.assessAtMonths, term.periodMonths)).dividedBy(term.periodMonths);
    const coveredCost = round(money(term.periodCost.times(covered), cur), rounding);
    const cap = round(money(term.fundCap.times(covered), cur), rounding);
    const fundPerPatient = coveredCost.amount.lessThan(cap.amount) ? coveredCost : cap;
    const patientPerPatient = money(new D(term.periodCost).minus(fundPerPatient.amount), cur);
    const reward = continued ? money(term.rewardPerPatient, cur) : money(0, cur);
    const n = new D(patients);
    const fundTotal = money(fundPerPatient.amount.times(n), cur);
    const patientTotal = money(patientPerPatient.amount.times(n), cur);
    const rewardTotal = money(reward.amount.times(n), cur);
    steps.push(
      step(
        "contracts.cohort.gate",
        continued
          ? `At the ${term.assessAtMonths}-month assessment ${term.metric.toUpperCase()} ${pct(value)} reaches ${pct(term.threshold)}: the fund keeps reimbursing.`
          : `At the ${term.assessAtMonths}-month assessment ${term.metric.toUpperCase()} ${pct(value)} is below ${pct(
              term.threshold
            )}: the drug leaves coverage; months after the assessment are paid by the patient (or a charity programme).`,
        { metric: value, threshold: term.threshold, coveredShareOfPeriod: covered.toSignificantDigits(10) }
      ),
      step(
        "contracts.cohort.gateFund",
        `Per patient: the fund pays ${fundPerPatient.toString()} (cost covered ${coveredCost.toString()}, cap ${cap.toString()}); the patient pays ${patientPerPatient.toString()}.`,
        { periodCost: money(term.periodCost, cur), fundCap: money(term.fundCap, cur) },
        fundPerPatient
      ),
      step(
        "contracts.cohort.gateReward",
        continued ? `Programme reward: ${reward.toString()} × ${patients} patients.` : "No programme reward: the gate was not passed.",
        { rewardPerPatient: money(term.rewardPerPatient, cur), patients },
        rewardTotal
      )
    );
    const gross = money(fundTotal.amount.plus(rewardTotal.amount), cur);
    return {
      currency: cur,
      metric: { name: term.metric, value: value.toString() },
      decision: continued ? "coverage continues" : "coverage ends at the assessment",
      continued,
      lines: [
        { kind: "payment", label: "fund share of drug cost", amount: fundTotal },
        { kind: "patientShare", label: "paid by patients (or charity)", amount: patientTotal },
        { kind: "reward", label: "programme reward", amount: rewardTotal },
      ],
      totals: { gross, refunded: money(0, cur), net: gross },
      explanation: steps,
    };
  },
};
