// The Kaplan–Meier curve: a step table read as it is (no parameters, nothing to check
// after parsing).
import * as z from "zod";
import { modelFloat } from "../numbers.js";
import type { SurvivalCurveKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const kaplanMeierSchema = lazySchema(() => z
  .strictObject({
    /** A Kaplan–Meier step table (生存曲线 K-M 估计). */
    type: z.literal("kaplan-meier"),
    /** Step times in model time units, ≥ 0, strictly increasing. */
    times: z.array(modelFloat({ min: 0 })).min(1),
    /** S(t) from each time on, in [0, 1], non-increasing; one per time. */
    survival: z.array(modelFloat({ min: 0, max: 1 })).min(1),
  })
  .strict()
  .superRefine((km, ctx) => {
    if (km.times.length !== km.survival.length) {
      ctx.addIssue({ code: "custom", path: ["survival"], message: `${km.survival.length} survival values for ${km.times.length} times` });
      return;
    }
    for (let i = 1; i < km.times.length; i++) {
      if ((km.times[i] as number) <= (km.times[i - 1] as number)) ctx.addIssue({ code: "custom", path: ["times", i], message: "times must increase strictly" });
      if ((km.survival[i] as number) > (km.survival[i - 1] as number)) ctx.addIssue({ code: "custom", path: ["survival", i], message: "survival must not increase" });
    }
  }));

/** Kaplan–Meier: S(t) = survival[i] for the last times[i] ≤ t, 1 before the first time, the last value after the last. */
export const kaplanMeierCurve: SurvivalCurveKind<typeof kaplanMeierSchema> = {
  type: "kaplan-meier",
  schema: kaplanMeierSchema,
  name: "Kaplan–Meier",
  compile: ({ times, survival }) => () => (t) => {
    if (t < (times[0] as number)) return 1;
    let lo = 0;
    let hi = times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((times[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return survival[lo] as number;
  },
};
