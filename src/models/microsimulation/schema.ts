import * as z from "zod";
import { userRecord } from "../../core/schemas.js";
import { isoDateSchema } from "../../core/index.js";
import { OUTCOME_EVENT_KINDS, RESPONSE_CATEGORIES } from "../../contracts/events.js";
import { attributeValuesSchema, modelAttributesSchema, refuseProtoKey } from "../attributes.js";
import { markovModelSchema } from "../markov.js";
import { modelFloat } from "../numbers.js";
import { modelDistributionSchema } from "../distributions/registry.js";
import { modelParametersSchema } from "../parameters.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/**
 * A Markov model as a microsimulation runs it (the `type: "markov"` tag is accepted).
 *
 * @category Microsimulation
 */
export const microsimulationModelSchema = lazySchema(() => markovModelSchema.extend({ type: z.literal("markov").optional() }));

/** Event kinds a state change can raise (the treatment start is raised at cycle 0 by `events.start`). */
const ENTRY_EVENT_KINDS = OUTCOME_EVENT_KINDS.filter((k) => k !== "treatmentStart" && k !== "infusion" && k !== "assessment") as [string, ...string[]];

/**
 * How simulated patients become the contracts chapter's outcome events (all dated, see
 * docs/models.md "Microsimulation"):
 * - `start`: the event at the start date (`infusion` or `treatmentStart`);
 * - `onEnter`: per state, the event raised when a patient enters it (dated at the end of the
 *   cycle of the transition), e.g. `{ CRS: { kind: "crs", grade: 3 }, Relapse: { kind: "relapse" }, Dead: { kind: "death" } }`;
 * - `assessments`: response assessments at the end of the listed cycles, the response read
 *   from the patient's state then (`response: { Remission: "CR", Relapse: "PD" }`; states not
 *   listed are not assessed). Nothing is raised after a death event.
 *
 * @category Microsimulation
 */
export const microsimulationEventsSchema = lazySchema(() => z
  .object({
    /** The event dated at each patient's start date: `infusion` (回输) or `treatmentStart`. */
    start: z.enum(["infusion", "treatmentStart"]),
    /** Per state name, the event raised when a patient enters it; default none. */
    onEnter: z
      .record(
        z.string().min(1),
        z
          .object({
            /** Outcome event kind, as in the contracts chapter (e.g. `crs`, `relapse`, `death`). */
            kind: z.enum(ENTRY_EVENT_KINDS),
            /** Grade 1–5, for `crs` (细胞因子释放综合征) and `seriousAdverseEvent` only. */
            grade: z.number().int().min(1).max(5).optional(),
          })
          .strict()
          .refine((e) => e.grade === undefined || e.kind === "crs" || e.kind === "seriousAdverseEvent", { message: "only CRS and serious adverse events carry a grade", path: ["grade"] }),
      )
      .default({}),
    /** Response assessments (疗效评估) at the end of listed cycles. */
    assessments: z
      .object({
        /** Cycles (from 1, strictly increasing, within the horizon) at whose end patients are assessed. */
        atCycles: z
          .array(z.number().int().min(1))
          .min(1)
          .refine((c) => c.every((x, i) => i === 0 || x > (c[i - 1] as number)), { message: "assessment cycles must be strictly increasing" }),
        /** Per state, the response category read there (e.g. `{ Remission: "CR", Relapse: "PD" }`); states left out are not assessed. */
        response: userRecord(z.string().min(1), z.enum(RESPONSE_CATEGORIES)),
      })
      .strict()
      .optional(),
  })
  .strict());

/**
 * Event mapping as accepted by {@link microsimulationEventsSchema}.
 *
 * @category Microsimulation
 */
export type MicrosimulationEventsInput = z.input<typeof microsimulationEventsSchema>;

/**
 * How a population attribute is drawn: a fixed value, a uniform range, a distribution (numbers), or shares of levels (categories).
 *
 * @category Microsimulation
 */
export const attributeSamplerSchema = lazySchema(() => z.union([
  z
    .strictObject({
      /** The same value for every patient: a number, or a level of a category. */
      value: z.union([z.number(), z.string().min(1)]),
    })
    .strict(),
  z
    .strictObject({
      /** A number drawn uniformly from [min, max). */
      uniform: z
        .strictObject({
          /** Lower end. */
          min: modelFloat(),
          /** Upper end, > min. */
          max: modelFloat(),
        })
        .strict()
        .refine((u) => u.max > u.min, { message: "max must exceed min" }),
    })
    .strict(),
  z
    .strictObject({
      /** A number drawn from a parameter distribution (beta, gamma, normal, …). */
      distribution: modelDistributionSchema,
    })
    .strict(),
  z
    .strictObject({
      /** A category drawn with these shares per level, each in [0, 1], summing to 1. */
      shares: userRecord(z.string().min(1), modelFloat({ min: 0, max: 1 })),
    })
    .strict(),
]));

/**
 * A patient given explicitly: an id, a value for every declared attribute, and optionally its own start date.
 *
 * @category Microsimulation
 */
export const simulatedPatientSchema = lazySchema(() => z
  .strictObject({
    /** Patient id, unique in the run (a backend's pseudonymous key). */
    id: z.string().min(1),
    /** A value for every declared attribute. */
    attributes: attributeValuesSchema,
    /** The patient's own start date (ISO calendar date); default the run's `startDate`. */
    startDate: isoDateSchema.optional(),
  })
  .strict());

/**
 * Subgroups reported by attribute: a category's levels, or a number cut at `breaks` (half-open bands).
 *
 * @category Microsimulation
 */
export const subgroupBySchema = lazySchema(() => z.union([
  z.string().min(1),
  z
    .object({
      /** A declared number attribute. */
      attribute: z.string().min(1),
      /** Cut points, strictly increasing: bands [−∞, b1), [b1, b2), …, [bn, ∞). */
      breaks: z.array(modelFloat()).min(1),
    })
    .strict()
    .refine((b) => b.breaks.every((x, i) => i === 0 || x > (b.breaks[i - 1] as number)), { message: "breaks must be strictly increasing", path: ["breaks"] }),
]));

const microsimulationCommon = lazySchema(() => ({
  parameters: modelParametersSchema.optional(),
  attributes: modelAttributesSchema,
  /** Explicit patients, or a population to draw (exactly one of the two). */
  patients: z.array(simulatedPatientSchema).min(1).max(10_000_000).optional(),
  population: z
    .strictObject({
      /** Number of patients to draw (人群规模), 1–10,000,000. */
      size: z.number().int().min(1).max(10_000_000),
      /** How each declared attribute is drawn. */
      attributes: refuseProtoKey(z.record(z.string().min(1), attributeSamplerSchema)),
    })
    .strict()
    .optional(),
  /** Seed of every random stream: parameters, population and patients (0 … 2^31 − 1). */
  seed: z.number().int().min(0).max(2_147_483_647),
  /** Second-order uncertainty: this many PSA draws, each simulating every patient. Absent: one run at the base case. */
  psa: z
    .strictObject({
      /** Number of parameter draws, 1–100,000. */
      draws: z.number().int().min(1).max(100_000),
    })
    .strict()
    .optional(),
  startDate: isoDateSchema,
  subgroupBy: z.array(subgroupBySchema).max(20).optional(),
}));

/**
 * Input of {@link runMicrosimulation}: one Markov model (tunnels and time variables allowed;
 * expressions may read the declared `attributes`), its parameters, explicit `patients` or a
 * `population` to draw, a seed, optional PSA draws, a start date (the cycle length dates the
 * states), optional outcome `events` and `subgroupBy`, and `keepPatients` (the per-patient
 * dated records of a run without PSA; default true).
 *
 * @category Microsimulation
 */
export const runMicrosimulationInputSchema = lazySchema(() => z
  .object({
    /** The Markov model each patient walks through. */
    model: microsimulationModelSchema,
    ...microsimulationCommon,
    /** How states become dated outcome events; absent: no events. */
    events: microsimulationEventsSchema.optional(),
    /** Return each patient's dated states and events (runs without PSA); default true. */
    keepPatients: z.boolean().default(true),
  })
  .strict());

/**
 * Input of {@link runMicrosimulation}.
 *
 * @category Microsimulation
 */
export type RunMicrosimulationInput = z.input<typeof runMicrosimulationInputSchema>;
/** Parsed input of {@link runMicrosimulation}. */
export type ParsedMicrosimulation = z.output<typeof runMicrosimulationInputSchema>;

export { microsimulationCommon };
