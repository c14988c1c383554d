// A contract priced under uncertainty: simulated patients become the contracts chapter's
// outcome events, each is settled exactly by the bulk contract path, and the payer's net
// price per patient is summarised over PSA draws and put into the ICER and NMB in place of
// the list price.
import * as z from "zod";
import { type ErrorCode, isoDateSchema, moneySchema, parseInput, step, ValidationError, type Step } from "../core/index.js";
import { evaluateContractMinorUnits } from "../contracts/evaluate-contract-minor-units.js";
import type { OutcomeEvent } from "../contracts/events.js";
import { isParsedContract, parseContract, type ParsedContract } from "../contracts/parse-contract.js";
import { divideRounded, fromMinorUnits, type Money } from "../money/index.js";
import { percentText } from "../money/format.js";
import { cycleDater, declaredChanges, patientEvents, patientScratch, prepareEvents, prepareModel, quantileSorted, simulatePatient } from "./microsimulation/engine.js";
import { drawParameters, loadPatient, prepareSimulation } from "./microsimulation/run.js";
import { microsimulationCommon, microsimulationEventsSchema, microsimulationModelSchema } from "./microsimulation/schema.js";
import { modelFloat } from "./numbers.js";
import { moneyFromFloat } from "./streams.js";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * Input of {@link priceContractUnderUncertainty}: the therapy's and the comparator's Markov
 * models (the therapy's cost stream leaves out the drug's price: the contract's net payment
 * takes its place), shared parameters, attributes and patients (or a population), a seed,
 * optional PSA draws, the start date, how therapy states become outcome `events`, the
 * `contract` (raw JSON with its currency, or parsed), the `asOf` date of settlement, the
 * willingness to pay per QALY `lambda` (Money), and the cost and effect stream names.
 *
 * @category Contract Pricing
 */
export const priceContractUnderUncertaintyInputSchema = lazySchema(() => z
  .object({
    /** The therapy's Markov model; its cost stream leaves out the drug's price (the contract's net payment takes its place). */
    therapy: microsimulationModelSchema,
    /** The comparator's Markov model. */
    comparator: microsimulationModelSchema,
    ...microsimulationCommon,
    /** How the therapy's states become the contract's outcome events. */
    events: microsimulationEventsSchema,
    /** The outcome-based contract (结果导向合同): its JSON document with its currency, or a parsed contract. */
    contract: z.unknown(),
    /** Settlement date (ISO calendar date): events after it are not settled. */
    asOf: isoDateSchema,
    /** Willingness to pay per unit of effect (意愿支付阈值), as Money in the contract's currency. */
    lambda: moneySchema,
    /** Name of the cost stream; default `cost`. */
    costStream: z.string().min(1).default("cost"),
    /** Name of the effect stream; default `qaly`. */
    effectStream: z.string().min(1).default("qaly"),
    /** Return each patient's settlement (runs without PSA); default true. */
    keepPatients: z.boolean().default(true),
    /** Share of draws kept out of the interval on each side (default 0.025: the 2.5–97.5% range). */
    tail: modelFloat({ above: 0, max: 0.25 }).default(0.025),
  })
  .strict());

/**
 * Input of {@link priceContractUnderUncertainty}.
 *
 * @category Contract Pricing
 */
export type PriceContractUnderUncertaintyInput = z.input<typeof priceContractUnderUncertaintyInputSchema>;

/**
 * Cost-effectiveness with one price in place.
 *
 * @category Contract Pricing
 */
export interface PricedCostEffectiveness {
  /** Mean therapy cost per patient including the price. */
  readonly therapyCost: Money;
  readonly comparatorCost: Money;
  readonly therapyEffect: number;
  readonly comparatorEffect: number;
  readonly incrementalCost: Money;
  readonly incrementalEffect: number;
  /** ΔC / ΔE when ΔE > 0; null otherwise (see `dominance`). */
  readonly icer: Money | null;
  /** "dominant" (ΔE ≥ 0, ΔC ≤ 0, not both 0), "dominated" (ΔE ≤ 0, ΔC ≥ 0, not both 0), or null. */
  readonly dominance: "dominant" | "dominated" | null;
  /** λ·ΔE − ΔC, the incremental net monetary benefit at the mean. */
  readonly incrementalNmb: Money;
  /** Therapy's own NMB, λ·E − C. */
  readonly therapyNmb: Money;
  /** Share of PSA draws with a positive incremental NMB (1 or 0 without PSA). */
  readonly probabilityCostEffective: number;
  /** The incremental NMB's interval over draws (with PSA). */
  readonly incrementalNmbInterval?: { readonly lower: Money; readonly upper: Money };
}

/**
 * One patient's contract settlement (runs without PSA).
 *
 * @category Contract Pricing
 */
export interface PricedPatient {
  readonly id: string;
  readonly events: OutcomeEvent[];
  /** What the payer paid for this patient, exact to the minor unit. */
  readonly net: Money;
  readonly withheld: Money;
  readonly refunded: Money;
}

/**
 * Result of {@link priceContractUnderUncertainty}.
 *
 * @category Contract Pricing
 */
export interface ContractPricingResult {
  readonly contractId: string;
  readonly currency: string;
  readonly listPrice: Money;
  readonly patients: number;
  readonly draws: number;
  /** Mean net payment per patient over all draws and patients: Σ exact nets / (patients × draws), rounded half-up. */
  readonly expectedNetPrice: Money;
  /** The per-draw mean net price's interval over PSA draws (2.5–97.5% by default); without PSA both ends are the mean. */
  readonly netPriceInterval: { readonly lower: Money; readonly upper: Money };
  /** Per-draw mean net price per patient (float, for plots and further statistics). */
  readonly drawNetPrices: number[];
  /** (list − net) / list over everything settled, and its two parts. */
  readonly recoveredShare: number;
  readonly withheldShare: number;
  readonly refundedShare: number;
  /** Share of patients whose net is below the list price. */
  readonly patientsBelowList: number;
  readonly atListPrice: PricedCostEffectiveness;
  readonly underContract: PricedCostEffectiveness;
  readonly patientRecords?: PricedPatient[];
  readonly explanation: Step[];
}

const eventKey = (events: readonly OutcomeEvent[]): string => {
  let k = "";
  for (const e of events) k += `${e.kind}@${e.date}:${e.grade ?? ""}${e.response ?? ""}|`;
  return k;
};

/**
 * Prices an outcome-based contract under uncertainty: simulates each patient on the therapy
 * and the comparator (same patients, same random numbers within a draw), turns the therapy
 * histories into dated outcome events, settles every patient with
 * {@link evaluateContractMinorUnits} (exact minor units), and reports what the payer pays —
 * the expected net price per patient, its interval over PSA draws, the share of the list price
 * recovered by withholds and refunds — and the ICER and NMB with the expected net price in
 * place of the list price (net prices enter the therapy's cost undiscounted, like a price paid at
 * the start). Identical histories are settled once per call (the ledger depends only on them).
 *
 * @param input - the therapy and comparator models, patients or a population, seed, PSA draws, events, the contract and `asOf`, λ (`priceContractUnderUncertaintyInputSchema`).
 * @returns the expected net price, its range over draws, the recovered share, and cost-effectiveness at list and net price.
 * @throws {ValidationError} when the input does not match `priceContractUnderUncertaintyInputSchema` (path named): an unknown key, a missing field, a value out of range; issue `missing_currency` when the contract states none; the contract's own issues under `contract`.
 * @throws {DomainError} OUT_OF_DOMAIN when a simulated value is out of range; the contract's domain errors as `evaluateContract` raises them.
 * @example
 * ```ts
 * declare const therapy: Parameters<typeof priceContractUnderUncertainty>[0]["therapy"];
 * declare const comparator: typeof therapy, parameters: Parameters<typeof runModelPsa>[0]["parameters"], k1: unknown;
 * const r = priceContractUnderUncertainty({
 *   therapy, comparator,                     // Markov models (costs without the drug price)
 *   parameters, attributes: {}, population: { size: 1000, attributes: {} },
 *   seed: 7, psa: { draws: 200 }, startDate: "2026-01-15", asOf: "2026-12-31",
 *   events: { start: "infusion", onEnter: { CRS: { kind: "crs", grade: 3 }, Relapse: { kind: "relapse" }, Dead: { kind: "death" } } },
 *   contract: k1,                            // 40/30/30 milestones, currency CNY
 *   lambda: { amount: "300000", currency: "CNY" },
 * });
 * r.expectedNetPrice; r.netPriceInterval; r.underContract.icer;
 * ```
 *
 * @category Contract Pricing
 */
export function priceContractUnderUncertainty(input: PriceContractUnderUncertaintyInput): ContractPricingResult {
  const parsed = parseInput(priceContractUnderUncertaintyInputSchema, input, "priceContractUnderUncertainty");
  const raw = parsed.contract;
  if (!isParsedContract(raw) && (typeof raw !== "object" || raw === null || !Object.prototype.hasOwnProperty.call(raw, "currency"))) {
    // a price is money: the document states its currency (no default here)
    throw new ValidationError([{ path: ["contract", "currency"], code: "missing_currency", message: "the contract must state its currency" }], "priceContractUnderUncertainty");
  }
  const contract: ParsedContract = isParsedContract(raw) ? raw : parseContract(raw);
  const currency = contract.currency;
  const issues: { path: (string | number)[]; code: ErrorCode; message: string }[] = [];
  if (parsed.lambda.currency !== currency) issues.push({ path: ["lambda", "currency"], code: "currency_mismatch", message: `lambda is in ${parsed.lambda.currency}, the contract in ${currency}` });
  for (const which of ["therapy", "comparator"] as const) {
    const names = Object.keys(parsed[which].streams);
    for (const [role, name] of [["cost", parsed.costStream], ["effect", parsed.effectStream]] as const) {
      if (!names.includes(name)) issues.push({ path: [which, "streams"], code: "unknown_reference", message: `the ${which} has no ${role} stream "${name}" (it has ${names.join(", ")})` });
    }
    const c = parsed[which].streams[parsed.costStream]?.currency;
    if (c !== undefined && c !== currency) issues.push({ path: [which, "streams", parsed.costStream, "currency"], code: "currency_mismatch", message: `the ${which}'s costs are in ${c}, the contract in ${currency}` });
  }
  if (issues.length > 0) throw new ValidationError(issues, "priceContractUnderUncertainty");

  const sim = prepareSimulation(parsed);
  const { type: _a, ...therapyModel } = parsed.therapy;
  const { type: _b, ...comparatorModel } = parsed.comparator;
  const therapy = prepareModel(therapyModel, sim.table, ["therapy"]);
  const comparator = prepareModel(comparatorModel, sim.table, ["comparator"]);
  const events = prepareEvents(therapy, parsed.events, ["events"]);
  const date = cycleDater(therapyModel, ["therapy"]);
  const costT = therapy.streams.findIndex((s) => s.name === parsed.costStream);
  const effT = therapy.streams.findIndex((s) => s.name === parsed.effectStream);
  const costC = comparator.streams.findIndex((s) => s.name === parsed.costStream);
  const effC = comparator.streams.findIndex((s) => s.name === parsed.effectStream);

  const N = sim.patients.ids.length;
  const D = sim.draws;
  const scale = contract.scale;
  const unit = 10 ** scale;
  const list = contract.priceUnits;
  const lambda = parsed.lambda.amount.toNumber();
  const memo = new Map<string, { net: bigint; withheld: bigint; refunded: bigint }>();
  const sT = patientScratch(therapy);
  const sC = patientScratch(comparator);
  const next = drawParameters(sim, parsed.seed);
  const drawNet = new Float64Array(D);
  const drawDeltaC = new Float64Array(D); // without any price
  const drawDeltaE = new Float64Array(D);
  let netTotal = 0n;
  let withheldTotal = 0n;
  let refundedTotal = 0n;
  let belowList = 0;
  let cT = 0;
  let cC = 0;
  let eT = 0;
  let eC = 0;
  const keep = parsed.keepPatients && !sim.psa;
  const records: PricedPatient[] = [];
  for (let k = 0; k < D; k++) {
    const params = next();
    const stream = sim.streams.forDraw(k);
    const uT = stream();
    const uC = stream();
    let net = 0n;
    let dc = 0;
    let de = 0;
    for (let i = 0; i < N; i++) {
      loadPatient(sim, i, params);
      const id = sim.patients.ids[i] as string;
      const draw = sim.psa ? k : undefined;
      simulatePatient(therapy, params, uT, sT, draw, id);
      simulatePatient(comparator, params, uC, sC, draw, id);
      const start = sim.patients.startDates[i] ?? parsed.startDate;
      const history = patientEvents(therapy, events, declaredChanges(therapy, sT.states), start, date);
      const key = `${start}#${eventKey(history)}`;
      let settled = memo.get(key);
      if (settled === undefined) {
        const r = evaluateContractMinorUnits(contract, history, parsed.asOf);
        settled = { net: r.totals.net, withheld: r.totals.withheld, refunded: r.totals.refunded };
        memo.set(key, settled);
      }
      net += settled.net;
      withheldTotal += settled.withheld;
      refundedTotal += settled.refunded < 0n ? -settled.refunded : settled.refunded;
      if (settled.net < list) belowList += 1;
      const xT = sT.totals[2 * costT] as number;
      const xC = sC.totals[2 * costC] as number;
      const yT = sT.totals[2 * effT] as number;
      const yC = sC.totals[2 * effC] as number;
      cT += xT;
      cC += xC;
      eT += yT;
      eC += yC;
      dc += xT - xC;
      de += yT - yC;
      if (keep) records.push({ id, events: history, net: fromMinorUnits(settled.net, currency), withheld: fromMinorUnits(settled.withheld, currency), refunded: fromMinorUnits(settled.refunded, currency) });
    }
    netTotal += net;
    drawNet[k] = Number(net) / N / unit;
    drawDeltaC[k] = dc / N;
    drawDeltaE[k] = de / N;
  }

  const settledCount = BigInt(N) * BigInt(D);
  const expectedUnits = divideRounded(netTotal, settledCount, "half-up");
  const expectedNetPrice = fromMinorUnits(expectedUnits, currency);
  const sortedNet = Float64Array.from(drawNet).sort();
  const tail = parsed.tail;
  const netPriceInterval = sim.psa
    ? { lower: moneyFromFloat(quantileSorted(sortedNet, tail), currency), upper: moneyFromFloat(quantileSorted(sortedNet, 1 - tail), currency) }
    : { lower: expectedNetPrice, upper: expectedNetPrice };
  const listTotal = list * settledCount;
  const share = (x: bigint) => (listTotal === 0n ? 0 : Number((x * 1_000_000_000_000n) / listTotal) / 1e12);
  const recoveredShare = share(listTotal - netTotal);
  const withheldShare = share(withheldTotal);
  const refundedShare = share(refundedTotal);
  const M = N * D;
  const listFloat = Number(list) / unit;

  const priced = (price: number, perDraw: (k: number) => number): PricedCostEffectiveness => {
    const therapyCost = cT / M + price;
    const comparatorCost = cC / M;
    const therapyEffect = eT / M;
    const comparatorEffect = eC / M;
    const dC = therapyCost - comparatorCost;
    const dE = therapyEffect - comparatorEffect;
    const inmb = lambda * dE - dC;
    const inmbDraws = Array.from(drawDeltaC, (c, k) => lambda * (drawDeltaE[k] as number) - (c + perDraw(k))).sort((a, b) => a - b);
    const dominance = dE >= 0 && dC <= 0 && !(dE === 0 && dC === 0) ? ("dominant" as const) : dE <= 0 && dC >= 0 && !(dE === 0 && dC === 0) ? ("dominated" as const) : null;
    const base: PricedCostEffectiveness = {
      therapyCost: moneyFromFloat(therapyCost, currency),
      comparatorCost: moneyFromFloat(comparatorCost, currency),
      therapyEffect,
      comparatorEffect,
      incrementalCost: moneyFromFloat(dC, currency),
      incrementalEffect: dE,
      icer: dE > 0 ? moneyFromFloat(dC / dE, currency) : null,
      dominance,
      incrementalNmb: moneyFromFloat(inmb, currency),
      therapyNmb: moneyFromFloat(lambda * therapyEffect - therapyCost, currency),
      probabilityCostEffective: inmbDraws.filter((x) => x > 0).length / inmbDraws.length,
    };
    return sim.psa
      ? { ...base, incrementalNmbInterval: { lower: moneyFromFloat(quantileSorted(inmbDraws, tail), currency), upper: moneyFromFloat(quantileSorted(inmbDraws, 1 - tail), currency) } }
      : base;
  };
  const atListPrice = priced(listFloat, () => listFloat);
  const underContract = priced(Number(expectedUnits) / unit, (k) => drawNet[k] as number);

  const pct = (x: number) => percentText(x, { significant: 4 });
  const ce = (c: PricedCostEffectiveness) =>
    c.icer !== null ? `ICER ${c.icer.toString()} per unit of effect` : c.dominance === null ? "no ICER (no difference in effect)" : `the therapy is ${c.dominance}`;
  const explanation: Step[] = [
    step(
      "models.contract-pricing.simulation",
      `${N} patient(s) simulated on the therapy and the comparator (same patients and random numbers within a draw) ${sim.psa ? `in each of ${D} PSA draws` : "at the base case"}; each therapy history became dated outcome events (${events.start} on the start date, events on entering mapped states, ${events.assessAt.length} assessment(s)) settled under contract ${contract.id} as of ${parsed.asOf}.`,
      { patients: N, draws: D, contract: contract.id, asOf: parsed.asOf, distinctHistories: memo.size },
    ),
    step(
      "models.contract-pricing.net-price",
      `Expected net price per patient ${expectedNetPrice.toString()} (Σ of ${settledCount} exact settlements ÷ ${settledCount}, half-up) against the list price ${contract.price.toString()}${sim.psa ? `; over draws ${netPriceInterval.lower.toString()} – ${netPriceInterval.upper.toString()} (${pct(tail)}–${pct(1 - tail)})` : ""}. Recovered ${pct(recoveredShare)} of the list price: withheld ${pct(withheldShare)}, refunded or clawed back ${pct(refundedShare)}.`,
      { expectedNetUnits: expectedUnits.toString(), recoveredShare, withheldShare, refundedShare },
      expectedNetPrice,
    ),
    step("models.contract-pricing.at-list", `At the list price: ${ce(atListPrice)}; incremental NMB ${atListPrice.incrementalNmb.toString()} at λ ${parsed.lambda.toString()}; P(cost-effective) ${pct(atListPrice.probabilityCostEffective)}.`, { icer: atListPrice.icer?.toString() ?? null }, atListPrice.incrementalNmb),
    step("models.contract-pricing.under-contract", `Under the contract (expected net price in place of the list price): ${ce(underContract)}; incremental NMB ${underContract.incrementalNmb.toString()}; P(cost-effective) ${pct(underContract.probabilityCostEffective)}.`, { icer: underContract.icer?.toString() ?? null }, underContract.incrementalNmb),
  ];
  const result: ContractPricingResult = {
    contractId: contract.id,
    currency,
    listPrice: contract.price,
    patients: N,
    draws: D,
    expectedNetPrice,
    netPriceInterval,
    drawNetPrices: Array.from(drawNet),
    recoveredShare,
    withheldShare,
    refundedShare,
    patientsBelowList: belowList / M,
    atListPrice,
    underContract,
    explanation,
  };
  return keep ? { ...result, patientRecords: records } : result;
}
