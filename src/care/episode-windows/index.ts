// The registry of episode-window kinds of an unbundling rule: one file per kind, one line here.
import * as z from "zod";
import { admissionWindowKind } from "./admission.js";
import { calendarMonthWindowKind } from "./calendar-month.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const KINDS = {
  admission: admissionWindowKind,
  calendarMonth: calendarMonthWindowKind,
} as const;

/** The zod schema of a package's episode window. */
export const episodeWindowSchema = lazySchema(() => z.discriminatedUnion("kind", [KINDS.admission.schema, KINDS.calendarMonth.schema]));

/** A parsed episode window. */
export type EpisodeWindow = z.output<typeof episodeWindowSchema>;

/** The episode key of a line under a window, or null when the line belongs to no episode of that kind. */
export function episodeKey(window: EpisodeWindow, line: { readonly serviceDate: string; readonly admission?: string | undefined }): string | null {
  return KINDS[window.kind].key(line);
}

/** An episode key in words. */
export function describeEpisode(window: EpisodeWindow, key: string): string {
  return KINDS[window.kind].describe(key);
}
