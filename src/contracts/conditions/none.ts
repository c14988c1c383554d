// `none`: holds when no matching event happened from treatment start through the check
// date (or its window's end): no CRS, alive, no relapse. It fails on the first such event.
import type { ConditionKind } from "./kind.js";
import { answerFor, type EventLookup, findFirst, remember } from "./history.js";
import { basicConditionSchema, type ParsedPresence, preparePresence } from "./presence.js";
import { windowWords } from "./words.js";

/** A `none` condition ready for evaluation. */
export type ParsedNone = ParsedPresence<"none">;

/** The `none` condition type: "no CRS since treatment start". */
export const noneKind: ConditionKind<"none", typeof basicConditionSchema, ParsedNone> = {
  type: "none",
  schema: basicConditionSchema,
  prepare: (c, ctx, path) => preparePresence(c, ctx, path, (what, within) => `no ${what} ${windowWords(within)}`),
  check(c, history, start, onDate, through) {
    if (c.remembered && !Array.isArray(history)) {
      // No window of its own: the patient's first matching event decides every date.
      const lookup = history as EventLookup;
      const { first } = answerFor(lookup, c) ?? remember(lookup, c, findFirst(lookup, c.events, start, "9999-12-31"), null);
      return first !== null && first.date <= onDate ? { ok: false, condition: c, event: first } : null;
    }
    const hit = findFirst(history, c.events, start, through);
    return hit === null ? null : { ok: false, condition: c, event: hit };
  },
};
