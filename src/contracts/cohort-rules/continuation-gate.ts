// Cohort rule `continuationGate` (K8, corrections C2): the 6-month rule applies per
// patient, after a required qualifying test. Each patient's own response at the
// assessment decides whether they continue at the listed benefit or exit to self-pay;
// the cohort's rate is reported, never used to delist.
import * as z from "zod";
import { currencyCodeSchema, DomainError, nonNegativeAmountSchema, rateSchema, step } from "../../core/index.js";
import { money, round } from "../../money/index.js";
import { D } from "../../money/decimal.js";
import { common, type CohortRuleKind, need, pct, words } from "./rule-kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * `continuationGate` (K8): a listed drug whose patients each need a qualifying test before
 * the first claim (`summary.patientOutcomes[].testGate`: NO_TEST, NOT_QUALIFYING or
 * EXPIRED → the fund pays 0 for the course) and are assessed `assessAtMonths` after
 * treatment start. Months before the assessment are paid under the listing: the fund
 * pays `fundShare` of `monthlyCost`, at most `fundCapPerYear` per treatment year, the
 * patient the rest. From the next month a patient whose assessment records one of
 * `continueOn` (CR or PR) continues so; one who does not exits (those months are
 * self-paid, or go to a charity programme); until the assessment is recorded those months
 * are held. `rewardPerPatient` is due for each patient who continues, outside the
 * ceiling, to `rewardPayee` (no default payee).
 *
 * @category Cohort Rules
 */
export const continuationGateRuleSchema = lazySchema(() => z
  .strictObject({
    /** Discriminator: `"continuationGate"` (K8, the per-patient 6-month continuation rule). */
    type: z.literal("continuationGate"),
    ...common,
    /** Currency of the costs and the reward (ISO 4217 code). */
    currency: currencyCodeSchema,
    /** Months after treatment start at which each patient's response is assessed, 1–120. */
    assessAtMonths: z.number().int().min(1).max(120),
    /** The responses (CR, PR, SD, PD) at the assessment with which a patient continues on the listed benefit; at least one. */
    continueOn: z.array(z.enum(["CR", "PR", "SD", "PD"])).min(1),
    /** The cost of one treated month, in the rule's currency, ≥ 0. */
    monthlyCost: nonNegativeAmountSchema,
    /** The fund's share of the monthly cost, a decimal share in [0, 1]; the patient pays the rest. */
    fundShare: rateSchema,
    /** The most the fund pays per patient per treatment year, in the rule's currency, ≥ 0; no cap when absent. */
    fundCapPerYear: nonNegativeAmountSchema.optional(),
    /** A reward due for each patient who continues, outside the ceiling, in the rule's currency, ≥ 0; none when absent. */
    rewardPerPatient: nonNegativeAmountSchema.optional(),
    /** Who receives the reward; required with a reward above 0 (there is no default payee). */
    rewardPayee: z.string().min(1).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.rewardPerPatient !== undefined && t.rewardPerPatient.greaterThan(0) && t.rewardPayee === undefined) {
      ctx.addIssue({ code: "custom", path: ["rewardPayee"], message: "a reward names its payee (the source does not say who; there is no default)" });
    }
  }));

/** The `continuationGate` cohort rule. */
export const continuationGateRule: CohortRuleKind<"continuationGate", typeof continuationGateRuleSchema> = {
  type: "continuationGate",
  schema: continuationGateRuleSchema,
  settle(term, s, rounding, steps) {
    const list = need(s.patientOutcomes, "patientOutcomes");
    const cur = term.currency;
    const m = (d: InstanceType<typeof D> | number) => money(d, cur);
    const monthly = m(term.monthlyCost);
    const fundMonth = round(m(term.monthlyCost.times(term.fundShare)), rounding);
    const cap = term.fundCapPerYear === undefined ? null : m(term.fundCapPerYear);
    const reward = m(term.rewardPerPatient ?? 0);
    const seen = new Map<string, number>();
    let fund = new D(0);
    let copay = new D(0);
    let selfPay = new D(0);
    let held = new D(0);
    let rewards = new D(0);
    let responders = 0;
    const patients = list.map((p, i) => {
      const first = seen.get(p.id);
      if (first !== undefined) throw new DomainError("INCONSISTENT_INPUT", `patient "${p.id}" appears twice (outcomes ${first} and ${i})`, { path: ["summary", "patientOutcomes", i, "id"] });
      seen.set(p.id, i);
      const meets = p.responseAtAssessment !== null && term.continueOn.includes(p.responseAtAssessment);
      if (meets) responders++;
      const zero = m(0);
      if (p.testGate !== "pass") {
        // care §5: a rejected course pays 0 on every claim; the months are the patient's.
        const own = m(monthly.amount.times(p.monthsTreated));
        selfPay = selfPay.plus(own.amount);
        steps.push(
          step(
            "contracts.cohort.gate.test",
            `Patient ${p.id}: no qualifying test on file at the course start (${p.testGate}): the fund pays ${words(zero)} on every claim of the course; ${p.monthsTreated} month(s) × ${words(
              monthly
            )} = ${words(own)} are not reimbursed.`,
            { patient: p.id, testGate: p.testGate },
            zero
          )
        );
        return { id: p.id, status: p.testGate as "NO_TEST" | "NOT_QUALIFYING" | "EXPIRED", fund: zero, patient: zero, selfPay: own, held: zero, reward: zero };
      }
      const before = Math.min(p.monthsTreated, term.assessAtMonths);
      const after = p.monthsTreated - before;
      const listed = before + (meets ? after : 0);
      // The fund's part month by month, at most the cap in each treatment year (12 months).
      let paid = new D(0);
      for (let year = 0; year * 12 < listed; year++) {
        const months = Math.min(12, listed - year * 12);
        const due = fundMonth.amount.times(months);
        paid = paid.plus(cap !== null && due.greaterThan(cap.amount) ? cap.amount : due);
      }
      const fundP = m(paid);
      const patientP = m(monthly.amount.times(listed).minus(paid));
      const status: "held" | "continues" | "exits" = p.responseAtAssessment === null ? "held" : meets ? "continues" : "exits";
      const selfP = status === "exits" ? m(monthly.amount.times(after)) : m(0);
      const heldP = status === "held" ? m(monthly.amount.times(after)) : m(0);
      const rewardP = meets ? reward : m(0);
      fund = fund.plus(fundP.amount);
      copay = copay.plus(patientP.amount);
      selfPay = selfPay.plus(selfP.amount);
      held = held.plus(heldP.amount);
      rewards = rewards.plus(rewardP.amount);
      const assessed =
        status === "held"
          ? `the ${term.assessAtMonths}-month assessment is not recorded yet: ${after} later month(s) (${words(heldP)}) are held until it is`
          : meets
          ? `the ${term.assessAtMonths}-month assessment records ${p.responseAtAssessment}: the patient continues under the listing${
              rewardP.amount.isZero() ? "" : `, and a reward of ${words(rewardP)} is due to ${term.rewardPayee}`
            }`
          : `the ${term.assessAtMonths}-month assessment records ${p.responseAtAssessment}: the patient exits; ${after} later month(s) are self-paid (or go to a charity programme): ${words(selfP)}`;
      steps.push(
        step(
          "contracts.cohort.gate.patient",
          `Patient ${p.id}: ${listed} month(s) under the listing, the fund paying ${pct(term.fundShare)} of ${words(monthly)} a month${
            cap === null ? "" : ` (at most ${words(cap)} a treatment year)`
          }: fund ${words(fundP)}, patient ${words(patientP)}; ${assessed}.`,
          { patient: p.id, monthsTreated: p.monthsTreated, response: p.responseAtAssessment ?? "not recorded", status },
          fundP
        )
      );
      return { id: p.id, status, fund: fundP, patient: patientP, selfPay: selfP, held: heldP, reward: rewardP };
    });
    const orr = list.length === 0 ? null : new D(responders).dividedBy(list.length);
    steps.push(
      step(
        "contracts.cohort.gate.cohort-rate",
        `${responders} of ${list.length} patient(s) meet the rule${
          orr === null ? "" : ` (cohort rate ${pct(orr)})`
        }. The rate is reported for the listing's re-evaluation; it does not delist the drug or change any patient's result.`,
        { responders, patients: list.length }
      )
    );
    const fundTotal = m(fund);
    const rewardTotal = m(rewards);
    const gross = m(fund.plus(rewards));
    return {
      currency: cur,
      metric: orr === null ? null : { name: "orr", value: orr.toString() },
      decision: `${responders} continue, ${list.length - responders} do not`,
      continued: true,
      lines: [
        { kind: "payment", label: "fund share of drug cost", amount: fundTotal },
        { kind: "patientShare", label: "patients' share under the listing", amount: m(copay) },
        { kind: "selfPay", label: "self-paid after exit or without a qualifying test (or charity)", amount: m(selfPay) },
        { kind: "held", label: "held until the assessment is recorded", amount: m(held) },
        { kind: "reward", label: `reward to ${term.rewardPayee ?? "—"}`, amount: rewardTotal },
      ],
      totals: { gross, refunded: m(0), net: gross },
      explanation: steps,
      patients,
    };
  },
};
