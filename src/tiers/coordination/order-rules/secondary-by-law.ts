// Before the NAIC rules: a plan that law makes secondary (Medicare under the Medicare
// Secondary Payer provisions, a payer of last resort) pays after a plan that is not,
// whatever the plans' COB provisions say. Two such plans are left to the NAIC rules.
import { firstOf, type OrderRule } from "./rule.js";

/** A plan secondary by law pays after the others. */
export const secondaryByLawRule: OrderRule = {
  id: "secondaryByLaw",
  title: "secondary by law",
  compare(a, b) {
    const la = a.coverage.secondaryByLaw === true;
    const lb = b.coverage.secondaryByLaw === true;
    if (la === lb) return null;
    const [f, s] = la ? [b, a] : [a, b];
    return firstOf(!la, `plan ${s.coverage.id} is secondary by law (e.g. Medicare Secondary Payer), so plan ${f.coverage.id} pays first`);
  },
};
