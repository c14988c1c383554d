// NAIC rule D(4): coverage under COBRA or a state or federal continuation right pays
// after the plan covering the person as (or as a dependent of) an employee, member,
// subscriber or retiree.
import { firstOf, type OrderRule } from "./rule.js";

/** Continuation coverage is secondary. */
export const continuationRule: OrderRule = {
  id: "continuation",
  title: "COBRA / continuation-coverage rule",
  compare(a, b) {
    const ca = a.coverage.continuation === true;
    const cb = b.coverage.continuation === true;
    if (ca === cb) return null;
    const [f, s] = ca ? [b, a] : [a, b];
    return firstOf(!ca, `plan ${s.coverage.id} is continuation (COBRA) coverage, so plan ${f.coverage.id} pays first`);
  },
};
