// Right-censored individual patient data: validation and the summaries the fits use.
import * as z from "zod";
import { ValidationError } from "../../core/index.js";
import { modelFloat } from "../numbers.js";
import type { DataSummary } from "./family.js";
import { log } from "./math.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** Times (> 0, any one time unit) and event flags (1 = event observed, 0 = right-censored), one per patient. */
export const survivalDataShape = lazySchema(() => ({
  times: z.array(modelFloat({ above: 0 })).min(1).max(10_000_000),
  events: z
    .array(
      z
        .number({ error: "an event flag is 0 (censored) or 1 (event)" })
        .refine((v) => v === 0 || v === 1, { message: "an event flag is 0 (censored) or 1 (event)" })
        .transform((v) => v as 0 | 1),
    )
    .min(1)
    .max(10_000_000),
}));

/** The data in typed arrays, with ln t precomputed. */
export interface SurvivalData {
  readonly times: Float64Array;
  readonly logTimes: Float64Array;
  readonly events: Uint8Array;
  readonly summary: DataSummary;
}

/** Checks lengths and the number of events, and lays the data out for the likelihood. */
export function prepareSurvivalData(times: readonly number[], events: readonly (0 | 1)[], parameterCount: number): SurvivalData {
  if (times.length !== events.length) {
    throw new ValidationError([{ path: ["events"], code: "invalid_length", message: `${events.length} event flags for ${times.length} times: give one flag per time` }]);
  }
  const n = times.length;
  const t = Float64Array.from(times);
  const e = Uint8Array.from(events);
  const lt = t.map((x) => log(x));
  let d = 0;
  let total = 0;
  let sumLog = 0;
  let maxT = 0;
  for (let i = 0; i < n; i++) {
    d += e[i] as number;
    total += t[i] as number;
    sumLog += lt[i] as number;
    maxT = Math.max(maxT, t[i] as number);
  }
  if (d === 0) throw new ValidationError([{ path: ["events"], code: "too_few_events", message: "every observation is censored: no event to fit a survival curve to" }]);
  if (d < parameterCount) {
    throw new ValidationError([{ path: ["events"], code: "too_few_events", message: `${d} event(s) for a model with ${parameterCount} parameters: need at least as many events as parameters` }]);
  }
  const meanLogT = sumLog / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((lt[i] as number) - meanLogT) ** 2;
  const sdLogT = n > 1 ? Math.sqrt(ss / (n - 1)) : 1;
  return { times: t, logTimes: lt, events: e, summary: { n, events: d, totalTime: total, meanLogT, sdLogT: sdLogT > 0 ? sdLogT : 1, meanT: total / n, maxT } };
}
