// `some`: holds when at least one matching event happened from treatment start through
// the check date (or its window's end): improvement recorded, response CR/PR seen. A
// failure names a matching event that came after the window closed, if there is one.
import type { OutcomeEvent } from "../events.js";
import type { ConditionKind } from "./kind.js";
import { answerFor, type EventLookup, findFirst, remember } from "./history.js";
import { basicConditionSchema, type ParsedPresence, preparePresence } from "./presence.js";
import { windowWords } from "./words.js";

/** A `some` condition ready for evaluation. */
export type ParsedSome = ParsedPresence<"some">;

/** The `some` condition type: "assessment CR/PR recorded within 3 months of treatment start". */
export const someKind: ConditionKind<"some", typeof basicConditionSchema, ParsedSome> = {
  type: "some",
  schema: basicConditionSchema,
  prepare: (c, ctx, path) => preparePresence(c, ctx, path, (what, within) => `${what} recorded ${windowWords(within)}`),
  check(c, history, start, onDate, through) {
    if (c.remembered && !Array.isArray(history)) {
      // No window of its own: the patient's first matching event decides every date.
      const lookup = history as EventLookup;
      const { first } = answerFor(lookup, c) ?? remember(lookup, c, findFirst(lookup, c.events, start, "9999-12-31"), null);
      if (first !== null && first.date <= onDate) return null;
      return first === null ? { ok: false, condition: c, event: null } : { ok: false, condition: c, event: null, outside: { event: first, windowEnd: onDate } };
    }
    if (findFirst(history, c.events, start, through) !== null) return null;
    // Say so when the event exists but came too late (a CR on day 31 for a day-30 condition).
    let late: OutcomeEvent | null = null;
    try {
      late = findFirst(history, c.events, start, "9999-12-31");
    } catch {
      late = null; // a later event without a grade cannot be compared; the failure stands as it is
    }
    if (late !== null && late.date > through) return { ok: false, condition: c, event: null, outside: { event: late, windowEnd: through } };
    return { ok: false, condition: c, event: null };
  },
};
