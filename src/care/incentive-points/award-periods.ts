// The periods an award rule pays once in (a calendar day, an ISO week): one record each,
// read by the award's once-per-period key, the award line's sentence and the rules step.
import { isoWeekMonday } from "../../contracts/anchored-series.js";
import type { AwardPeriod } from "../incentive-points.js";

/** Everything about one award period. Internal. */
export interface AwardPeriodRecord {
  /** The period an event day falls in, as a key (its first day). */
  start(date: string): string;
  /** The period of an event day in words ("day 2026-02-01", "ISO week from 2026-02-02"). */
  span(date: string): string;
  /** The period's name in the rules step ("calendar day"). */
  readonly name: string;
}

/** Every award period. */
export const AWARD_PERIODS: Readonly<Record<AwardPeriod, AwardPeriodRecord>> = {
  day: { start: (date) => date, span: (date) => `day ${date}`, name: "calendar day" },
  isoWeek: { start: isoWeekMonday, span: (date) => `ISO week from ${isoWeekMonday(date)}`, name: "ISO week" },
};
