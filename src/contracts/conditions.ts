// The contract's conditions, as the term kinds and the ledger use them. Each condition
// type is one file under conditions/ (schema, preparation, check and words), assembled in
// conditions/registry.ts; the event reading they share is conditions/history.ts.
export { eventLookup, findFirst, firstMatch, matches, matchesAny, type EventLookup, type RememberedAnswer } from "./conditions/history.js";
export type { ConditionCheck } from "./conditions/kind.js";
export { checkConditions } from "./conditions/registry.js";
export { deadlineDate, deadlineMissed, deadlineStanding, deadlineStatus, type DeadlineArgs, type DeadlineOutcome, type DeadlineStatus } from "./conditions/by-deadline.js";
