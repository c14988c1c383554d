// Green-channel (绿色通道) due times: urgent claims must be answered and decided within
// set durations, counted on absolute time whatever offsets the timestamps carry.
import * as z from "zod";
import { type Explanation, parseInput, step } from "../core/index.js";
import { invalid } from "../kernel/index.js";
import { lazySchema } from "../kernel/lazy-schema.js";

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

interface Instant {
  readonly epochMs: number;
  readonly offsetMinutes: number;
}

function readInstant(text: string): Instant | null {
  const m = ISO_INSTANT.exec(text);
  if (m === null) return null;
  const [, y, mo, d, h, mi, s, ms, off] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((ms ?? "0").padEnd(3, "0"))] as const;
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  const check = new Date(0);
  check.setUTCFullYear(fields[0], fields[1], fields[2]);
  check.setUTCHours(fields[3], fields[4], fields[5], fields[6]);
  const local = check.getTime();
  if (check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 59) return null;
  let offsetMinutes = 0;
  if (off !== "Z" && off !== undefined) {
    const sign = off.startsWith("-") ? -1 : 1;
    const oh = Number(off.slice(1, 3));
    const om = Number(off.slice(4, 6));
    if (oh > 23 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return { epochMs: local - offsetMinutes * 60_000, offsetMinutes };
}

/**
 * An ISO 8601 timestamp with an explicit offset, e.g. `2026-03-02T09:15+08:00`.
 *
 * @category Claim Review
 */
export const isoInstantSchema = lazySchema(() => z.string().refine((s) => readInstant(s) !== null, {
  message: "expected an ISO 8601 date-time with an offset, e.g. 2026-03-02T09:15+08:00",
}));

function two(n: number): string {
  return String(n).padStart(2, "0");
}

/**
 * Input of {@link formatInstant}.
 *
 * @category Claim Review
 */
export interface FormatInstantInput {
  /** The instant, in milliseconds since 1970-01-01T00:00Z (finite, within the years 0000–9999 once shifted). */
  readonly epochMs: number;
  /** The UTC offset to write it in, in whole minutes within ±18 hours (480 = +08:00). */
  readonly offsetMinutes: number;
}

/**
 * Formats an instant (epoch milliseconds) in a given UTC offset, as an ISO 8601
 * timestamp with seconds and the offset (`Z` for UTC).
 *
 * @category Claim Review
 * @param input - The instant and the offset.
 * @param input.epochMs - Milliseconds since the epoch.
 * @param input.offsetMinutes - The UTC offset in whole minutes (±18 hours at most).
 * @throws {ValidationError} invalid_offset at `offsetMinutes` (not a whole number of minutes within ±18 h), invalid_instant at `epochMs` (not finite, or outside the years 0000–9999), unrecognized_keys for any other key.
 * @example
 * ```ts
 * formatInstant({ epochMs: Date.UTC(2026, 2, 2, 2, 15), offsetMinutes: 480 }); // "2026-03-02T10:15:00+08:00"
 * ```
 */
export function formatInstant(input: FormatInstantInput): string {
  if (input === null || typeof input !== "object" || Array.isArray(input)) throw invalid([], "expected { epochMs, offsetMinutes }", "invalid_type");
  for (const key of Object.keys(input)) {
    if (key !== "epochMs" && key !== "offsetMinutes") throw invalid([key], `unknown key ${JSON.stringify(key)}: formatInstant takes { epochMs, offsetMinutes }`, "unrecognized_keys");
  }
  const { epochMs, offsetMinutes } = input;
  if (typeof offsetMinutes !== "number" || !Number.isSafeInteger(offsetMinutes) || Math.abs(offsetMinutes) > 18 * 60) {
    throw invalid(["offsetMinutes"], "the UTC offset is a whole number of minutes within ±18 hours", "invalid_offset");
  }
  if (typeof epochMs !== "number" || !Number.isFinite(epochMs) || Number.isNaN(new Date(epochMs + offsetMinutes * 60_000).getTime())) {
    throw invalid(["epochMs"], "the instant is a finite number of milliseconds within the Date range", "invalid_instant");
  }
  const d = new Date(epochMs + offsetMinutes * 60_000);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw invalid(["epochMs"], "the instant falls outside the years 0000–9999 that an ISO 8601 timestamp writes with four digits", "invalid_instant");
  }
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  const off = offsetMinutes === 0 ? "Z" : `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
  return `${String(year).padStart(4, "0")}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${off}`;
}

/** The longest deadline accepted: ten years, in minutes (deadlines are hours or days). */
const MAX_MINUTES = 10 * 366 * 24 * 60;

/**
 * The zod schema of {@link greenChannelDeadlines}' input.
 *
 * @category Claim Review
 */
export const greenChannelDeadlinesInputSchema = lazySchema(() => z
  .strictObject({
    /** When the request was submitted: an ISO 8601 date-time with its UTC offset (the deadlines are written in that offset). */
    submittedAt: isoInstantSchema,
    /** Minutes allowed for the first response; default 60. */
    respondWithinMinutes: z.number().int().positive().max(MAX_MINUTES).optional(),
    /** Minutes allowed for the decision; default 1,440 (24 hours). */
    decideWithinMinutes: z.number().int().positive().max(MAX_MINUTES).optional(),
    /** When the first response was given (ISO 8601 with offset); absent while none. */
    respondedAt: isoInstantSchema.optional(),
    /** When the decision was given (ISO 8601 with offset); absent while none. */
    decidedAt: isoInstantSchema.optional(),
  })
  .strict());

/**
 * Whether an event met its due time.
 *
 * @category Claim Review
 */
export interface DueCheck {
  readonly at: string;
  readonly onTime: boolean;
  /** Minutes after the due time (0 when on time); fractional when seconds are involved. */
  readonly lateByMinutes: number;
}

/**
 * Result of {@link greenChannelDeadlines}.
 *
 * @category Claim Review
 */
export interface GreenChannelDeadlinesResult {
  /** Due times, written in the offset of `submittedAt`. */
  readonly respondBy: string;
  readonly decideBy: string;
  readonly response?: DueCheck;
  readonly decision?: DueCheck;
  readonly explanation: Explanation;
}

function check(at: string | undefined, due: number): DueCheck | undefined {
  if (at === undefined) return undefined;
  const t = readInstant(at)!;
  const late = Math.max(0, t.epochMs - due) / 60_000;
  return { at, onTime: late === 0, lateByMinutes: late };
}

/**
 * Due times of an urgent (green-channel) claim and, when given, whether the response
 * and decision met them. Durations run on absolute time: offsets are honoured.
 *
 * @param input - When the request was submitted and answered, and the channel's time limits.
 * @throws {ValidationError} when the input does not match `greenChannelDeadlinesInputSchema` (the field path is named).
 * @example
 * ```ts
 * const r = greenChannelDeadlines({ submittedAt: "2026-03-02T09:15+08:00", decidedAt: "2026-03-03T10:00+08:00" });
 * r.decideBy;               // "2026-03-03T09:15:00+08:00"
 * r.decision?.lateByMinutes; // 45
 * ```
 * @category Claim Review
 */
export function greenChannelDeadlines(input: z.input<typeof greenChannelDeadlinesInputSchema>): GreenChannelDeadlinesResult {
  const x = parseInput(greenChannelDeadlinesInputSchema, input, "greenChannelDeadlines");
  const sub = readInstant(x.submittedAt)!;
  const respondMin = x.respondWithinMinutes ?? 60;
  const decideMin = x.decideWithinMinutes ?? 1440;
  const respondDue = sub.epochMs + respondMin * 60_000;
  const decideDue = sub.epochMs + decideMin * 60_000;
  const respondBy = formatInstant({ epochMs: respondDue, offsetMinutes: sub.offsetMinutes });
  const decideBy = formatInstant({ epochMs: decideDue, offsetMinutes: sub.offsetMinutes });
  const response = check(x.respondedAt, respondDue);
  const decision = check(x.decidedAt, decideDue);
  const explanation = [
    step("tiers.green-channel.due", `Submitted ${x.submittedAt} on the green channel: respond within ${respondMin} minutes (by ${respondBy}) and decide within ${decideMin} minutes (by ${decideBy}).`, {
      submittedAt: x.submittedAt,
      respondWithinMinutes: respondMin,
      decideWithinMinutes: decideMin,
    }),
  ];
  for (const [what, c] of [["response", response], ["decision", decision]] as const) {
    if (c !== undefined) {
      explanation.push(step(`tiers.green-channel.${what}`, c.onTime ? `The ${what} at ${c.at} was on time.` : `The ${what} at ${c.at} was late by ${c.lateByMinutes} minutes.`, { at: c.at, lateByMinutes: c.lateByMinutes }));
    }
  }
  return { respondBy, decideBy, ...(response ? { response } : {}), ...(decision ? { decision } : {}), explanation };
}
