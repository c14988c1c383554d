// Pseudo individual patient data from a digitised Kaplan–Meier curve and the numbers at
// risk printed under it, by the algorithm of Guyot, Ades, Ouwens & Welton (2012),
// "Enhanced secondary analysis of survival data: reconstructing the data from published
// Kaplan–Meier survival curves", BMC Medical Research Methodology 12:9.
//
// Per interval between two numbers-at-risk times: guess the censorings from the drop in
// survival, spread them evenly over the interval, derive the events at each digitised
// point from the survival ratio, and correct the number censored until the reconstructed
// number at risk at the next time matches the published one. The last interval takes
// the average censoring rate of the earlier ones, or, when the total number of events is
// known, as many censorings as make the events add up to it.
import * as z from "zod";
import { DomainError, parseInput, step, ValidationError, type Issue, type Step } from "../../core/index.js";
import { modelFloat } from "../numbers.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * Input of {@link reconstructPatientData}.
 *
 * @category Survival Fitting
 */
export const reconstructPatientDataInputSchema = lazySchema(() => z
  .object({
    /** Digitised points of the curve, starting at (0, 1); times non-decreasing, survival non-increasing (a `kaplan-meier` curve document will do). */
    km: z
      .strictObject({
        /** Optional tag, so a `kaplan-meier` curve document can be passed as it is. */
        type: z.literal("kaplan-meier").optional(),
        /** Times of the digitised points, ≥ 0, non-decreasing (2–100,000). */
        times: z.array(modelFloat({ min: 0 })).min(2).max(100_000),
        /** S(t) at each point, in [0, 1], non-increasing; one per time. */
        survival: z.array(modelFloat({ min: 0, max: 1 })).min(2).max(100_000),
      })
      .strict(),
    /** The numbers at risk table: times strictly increasing from 0, counts non-increasing, the first > 0. */
    atRisk: z
      .strictObject({
        /** Times of the numbers-at-risk table (风险人数), strictly increasing from 0. */
        times: z.array(modelFloat({ min: 0 })).min(1).max(10_000),
        /** Patients at risk at each time: integers, non-increasing, the first > 0. */
        counts: z.array(z.number().int().min(0).max(10_000_000)).min(1).max(10_000),
      })
      .strict(),
    /** The total number of events, when the publication reports it. */
    totalEvents: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict());

/**
 * Input of {@link reconstructPatientData}.
 *
 * @category Survival Fitting
 */
export type ReconstructPatientDataInput = z.input<typeof reconstructPatientDataInputSchema>;

/**
 * Reconstructed pseudo patient data, ready for `fitSurvival`.
 *
 * @category Survival Fitting
 */
export interface ReconstructedPatientData {
  /** One time per patient, sorted. */
  readonly times: number[];
  /** 1 = event, 0 = censored, aligned with `times`. */
  readonly events: (0 | 1)[];
  readonly patients: number;
  readonly eventCount: number;
  /** Per numbers-at-risk interval: published and reconstructed number at risk at its start, events and censorings in it. */
  readonly intervals: { readonly start: number; readonly atRisk: number; readonly reconstructedAtRisk: number; readonly events: number; readonly censored: number }[];
  readonly explanation: Step[];
}

function validate(T: number[], S: number[], tr: number[], nr: number[]): void {
  const issues: Issue[] = [];
  if (T.length !== S.length) issues.push({ path: ["km", "survival"], code: "invalid_length", message: `${S.length} survival values for ${T.length} times` });
  if (tr.length !== nr.length) issues.push({ path: ["atRisk", "counts"], code: "invalid_length", message: `${nr.length} counts for ${tr.length} times` });
  if (issues.length > 0) throw new ValidationError(issues);
  if (T[0] !== 0 || S[0] !== 1) issues.push({ path: ["km"], code: "invalid_value", message: "the digitised curve must start at time 0 with survival 1" });
  for (let k = 1; k < T.length; k++) {
    if (!((T[k] as number) > 0)) issues.push({ path: ["km", "times", k], code: "invalid_value", message: "only the first point may lie at time 0" });
    else if ((T[k] as number) < (T[k - 1] as number)) issues.push({ path: ["km", "times", k], code: "invalid_value", message: "digitised times must not decrease" });
    if ((S[k] as number) > (S[k - 1] as number)) issues.push({ path: ["km", "survival", k], code: "invalid_value", message: "digitised survival must not increase (clean the digitisation first)" });
  }
  if (tr[0] !== 0) issues.push({ path: ["atRisk", "times", 0], code: "invalid_value", message: "the numbers at risk must start at time 0" });
  if (!((nr[0] as number) > 0)) issues.push({ path: ["atRisk", "counts", 0], code: "invalid_value", message: "the number at risk at time 0 must be positive" });
  for (let i = 1; i < tr.length; i++) {
    if ((tr[i] as number) <= (tr[i - 1] as number)) issues.push({ path: ["atRisk", "times", i], code: "invalid_value", message: "numbers-at-risk times must increase strictly" });
    if ((nr[i] as number) > (nr[i - 1] as number)) issues.push({ path: ["atRisk", "counts", i], code: "invalid_value", message: "the number at risk must not increase" });
  }
  const lastT = T[T.length - 1] as number;
  tr.forEach((t, i) => {
    if (i > 0 && t > lastT) issues.push({ path: ["atRisk", "times", i], code: "invalid_value", message: `numbers-at-risk time ${t} lies after the last digitised point (${lastT})` });
  });
  if (issues.length > 0) throw new ValidationError(issues);
}

/**
 * Reconstructs pseudo individual patient data from digitised Kaplan–Meier points and the
 * numbers at risk (Guyot et al. 2012), so a published curve can be fitted by `fitSurvival`.
 * Events fall on digitised times; censorings are spread evenly within each interval;
 * patients still at risk after the last point are censored there. A numbers-at-risk
 * interval without a digitised point gets one at its start, read off the step curve.
 *
 * @param input - the digitised Kaplan–Meier points and the numbers at risk (`reconstructPatientDataInputSchema`).
 * @returns pseudo patient times and event flags, ready for `fitSurvival`.
 * @throws {ValidationError} when the input does not match `reconstructPatientDataInputSchema` (path named): an unknown key, a missing field, a value out of range; a curve that rises or times that do not increase.
 * @throws {DomainError} INCONSISTENT_INPUT when the numbers at risk cannot be reconciled with the curve.
 * @example
 * ```ts
 * const ipd = reconstructPatientData({
 *   km: { times: [0, 2, 4, 6, 8], survival: [1, 0.9, 0.8, 0.7, 0.6] },
 *   atRisk: { times: [0, 4], counts: [50, 38] },
 * });
 * fitSurvival({ times: ipd.times, events: ipd.events, family: "weibull" });
 * ```
 *
 * @category Survival Fitting
 */
export function reconstructPatientData(input: ReconstructPatientDataInput): ReconstructedPatientData {
  const parsed = parseInput(reconstructPatientDataInputSchema, input, "reconstructPatientData");
  const tr = parsed.atRisk.times;
  const nrisk = parsed.atRisk.counts.slice();
  validate(parsed.km.times, parsed.km.survival, tr, nrisk);
  // An interval with no digitised point (a flat stretch) gets one at its start, read off
  // the step curve: S there is the value of the last point before it.
  const T: number[] = [];
  const S: number[] = [];
  {
    const kt = parsed.km.times;
    const ks = parsed.km.survival;
    let r = 0;
    for (let k = 0; k < kt.length; k++) {
      while (r < tr.length && (tr[r] as number) < (kt[k] as number)) {
        const t = tr[r] as number;
        if (T.length > 0 && (T[T.length - 1] as number) < t) {
          T.push(t);
          S.push(S[S.length - 1] as number);
        }
        r++;
      }
      if (r < tr.length && tr[r] === kt[k]) r++;
      T.push(kt[k] as number);
      S.push(ks[k] as number);
    }
  }
  const N = T.length;
  const m = tr.length;
  const lower: number[] = [];
  const upper: number[] = [];
  for (let i = 0; i < m; i++) {
    const lo = T.findIndex((t) => t >= (tr[i] as number));
    const next = i + 1 < m ? (tr[i + 1] as number) : Number.POSITIVE_INFINITY;
    let hi = -1;
    for (let k = N - 1; k >= 0; k--) {
      if ((T[k] as number) < next) {
        hi = k;
        break;
      }
    }
    if (lo < 0 || hi < lo) throw new ValidationError([{ path: ["atRisk", "times", i], code: "invalid_value", message: `no digitised point lies in the numbers-at-risk interval starting at ${tr[i]}` }]);
    lower.push(lo);
    upper.push(hi);
  }
  const published = nrisk.slice();
  const nhat = new Array<number>(N + 1).fill(0);
  const d = new Array<number>(N).fill(0);
  const cen = new Array<number>(N).fill(0);
  const kmHat = new Array<number>(N).fill(1);
  const censorTimes: number[][] = Array.from({ length: m }, () => []);
  const ncensor = new Array<number>(m).fill(0);
  let last = 0;
  const lastOf = new Array<number>(m + 1).fill(0);
  const maxLoops = 4 * (nrisk[0] as number) + 100;

  /** One pass over interval i with ncensor[i] censorings spread over [from, to). */
  const pass = (i: number, from: number, to: number) => {
    const c = Math.max(0, ncensor[i] as number);
    ncensor[i] = c;
    const ct = Array.from({ length: c }, (_, j) => from + ((j + 1) * (to - from)) / (c + 1));
    censorTimes[i] = ct;
    for (let k = lower[i] as number; k <= (upper[i] as number); k++) {
      const a = T[k] as number;
      const b = k + 1 < N ? (T[k + 1] as number) : Number.POSITIVE_INFINITY;
      cen[k] = ct.filter((x) => x >= a && x < b).length;
    }
    nhat[lower[i] as number] = nrisk[i] as number;
    last = lastOf[i] as number;
    for (let k = lower[i] as number; k <= (upper[i] as number); k++) {
      if (i === 0 && k === lower[i]) {
        d[k] = 0;
        kmHat[k] = 1;
      } else {
        const n = nhat[k] as number;
        const prev = kmHat[last] as number;
        d[k] = n > 0 && prev > 0 ? Math.min(n, Math.max(0, Math.round(n * (1 - (S[k] as number) / prev)))) : 0;
        kmHat[k] = n > 0 ? prev * (1 - (d[k] as number) / n) : prev;
      }
      // never censor more patients than remain (the published counts can be inconsistent with the curve)
      cen[k] = Math.min(cen[k] as number, Math.max(0, (nhat[k] as number) - (d[k] as number)));
      nhat[k + 1] = (nhat[k] as number) - (d[k] as number) - (cen[k] as number);
      if (d[k] !== 0) last = k;
    }
  };

  for (let i = 0; i < m - 1; i++) {
    const lo = lower[i] as number;
    const next = lower[i + 1] as number;
    const sLo = S[lo] as number;
    ncensor[i] = sLo > 0 ? Math.round(((nrisk[i] as number) * (S[next] as number)) / sLo - (nrisk[i + 1] as number)) : 0;
    let loops = 0;
    for (;;) {
      pass(i, T[lo] as number, T[next] as number);
      const gap = (nhat[next] as number) - (nrisk[i + 1] as number);
      if (!(gap > 0 || (gap < 0 && (ncensor[i] as number) > 0))) break;
      ncensor[i] = (ncensor[i] as number) + gap;
      if (++loops > maxLoops) {
        throw new DomainError("INCONSISTENT_INPUT", `the numbers at risk at ${tr[i]} and ${tr[i + 1]} cannot be reconciled with the digitised curve`, { path: ["atRisk", "counts", i + 1] });
      }
    }
    if ((nhat[next] as number) < (nrisk[i + 1] as number)) nrisk[i + 1] = nhat[next] as number;
    lastOf[i + 1] = last;
  }

  // last interval
  const i = m - 1;
  const lo = lower[i] as number;
  const hi = upper[i] as number;
  if (m > 1) {
    const span = (T[upper[m - 2] as number] as number) - (T[lower[0] as number] as number);
    const earlier = ncensor.slice(0, m - 1).reduce((a, b) => a + b, 0);
    ncensor[i] = span > 0 ? Math.min(Math.round((earlier * ((T[hi] as number) - (T[lo] as number))) / span), nrisk[i] as number) : 0;
  } else ncensor[i] = 0;
  pass(i, T[lo] as number, T[hi] as number);
  if (parsed.totalEvents !== undefined) {
    const total = parsed.totalEvents;
    const before = d.slice(0, lo).reduce((a, b) => a + b, 0);
    if (before >= total && m > 1) {
      // every remaining patient is censored in the last interval
      ncensor[i] = nrisk[i] as number;
      pass(i, T[lo] as number, T[hi] as number);
    } else {
      let loops = 0;
      for (;;) {
        const sum = d.reduce((a, b) => a + b, 0);
        if (!(sum > total || (sum < total && (ncensor[i] as number) > 0))) break;
        ncensor[i] = Math.min(nrisk[i] as number, Math.max(0, (ncensor[i] as number) + (sum - total)));
        pass(i, T[lo] as number, T[hi] as number);
        if (++loops > maxLoops) break; // the closest reachable total stands; the explanation reports the count
      }
    }
  }

  const rows: { t: number; e: 0 | 1 }[] = [];
  for (let k = 0; k < N; k++) for (let j = 0; j < (d[k] as number); j++) rows.push({ t: T[k] as number, e: 1 });
  for (let j = 0; j < m; j++) {
    for (let k = lower[j] as number; k <= (upper[j] as number); k++) {
      const a = T[k] as number;
      const b = k + 1 < N ? (T[k + 1] as number) : Number.POSITIVE_INFINITY;
      const here = (censorTimes[j] as number[]).filter((x) => x >= a && x < b).slice(0, cen[k] as number);
      for (const ct of here) rows.push({ t: ct, e: 0 });
    }
  }
  const remaining = Math.max(0, nhat[N] as number);
  for (let j = 0; j < remaining; j++) rows.push({ t: T[N - 1] as number, e: 0 });
  rows.sort((a, b) => a.t - b.t || b.e - a.e);
  const times = rows.map((r) => r.t);
  const events = rows.map((r) => r.e);
  const eventCount = events.reduce<number>((a, b) => a + b, 0);
  const intervals = tr.map((start, j) => {
    const from = lower[j] as number;
    const to = upper[j] as number;
    let ev = 0;
    for (let k = from; k <= to; k++) ev += d[k] as number;
    let censored = 0;
    for (let k = from; k <= to; k++) censored += cen[k] as number;
    return { start, atRisk: published[j] as number, reconstructedAtRisk: nhat[from] as number, events: ev, censored };
  });
  if (times.length === 0 || times[0] === 0) {
    throw new DomainError("INCONSISTENT_INPUT", "the reconstruction produced no patient with a positive time", { path: ["km"] });
  }
  const explanation: Step[] = [
    step(
      "models.survival-fit.guyot",
      `Reconstructed ${times.length} pseudo patients from ${N} digitised points and ${m} numbers at risk (Guyot et al. 2012): ${eventCount} events, ${times.length - eventCount} censored${parsed.totalEvents === undefined ? "" : ` (published total events ${parsed.totalEvents})`}; ${remaining} still at risk at the last point are censored at ${T[N - 1]}.`,
      { patients: times.length, events: eventCount, points: N, intervals: m, ...(parsed.totalEvents === undefined ? {} : { totalEvents: parsed.totalEvents }) },
    ),
    ...intervals.map((iv) =>
      step(
        "models.survival-fit.guyot-interval",
        `From ${iv.start}: ${iv.atRisk} at risk published, ${iv.reconstructedAtRisk} reconstructed; ${iv.events} events and ${iv.censored} censorings in the interval.`,
        { start: iv.start, atRisk: iv.atRisk, reconstructedAtRisk: iv.reconstructedAtRisk, events: iv.events, censored: iv.censored },
      ),
    ),
  ];
  return { times, events, patients: times.length, eventCount, intervals, explanation };
}
