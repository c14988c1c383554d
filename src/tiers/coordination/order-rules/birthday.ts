// NAIC rule D(2)(a): for a dependent child of parents married or living together (or
// apart, when a decree makes both responsible or gives joint custody), the plan of the
// parent whose birthday — month and day, not year — falls earlier in the calendar year
// pays first; on the same birthday, the plan that has covered its parent longer.
import { invalid } from "../../../kernel/index.js";
import type { RankedPlan } from "./rule.js";
import { childRuleFor } from "./parents.js";
import { firstOf, type OrderRule } from "./rule.js";

function birthDateOf(p: RankedPlan): string {
  const d = p.coverage.parent?.birthDate;
  if (d === undefined) throw invalid([...p.path, "parent", "birthDate"], `the birthday rule orders plan ${p.coverage.id}: give the covering parent's birth date`, "missing_birth_date");
  return d;
}

function sinceOf(p: RankedPlan): string {
  const d = p.coverage.parent?.coveredSince;
  if (d === undefined) throw invalid([...p.path, "parent", "coveredSince"], `both parents have the same birthday: give since when plan ${p.coverage.id} has covered its parent`, "missing_covered_since");
  return d;
}

/** The birthday rule (month and day), with the longer-coverage-of-the-parent tie-break. */
export const birthdayRule: OrderRule = {
  id: "birthday",
  title: "birthday rule",
  compare(a, b, person) {
    if (childRuleFor(a, b, person) !== "birthday") return null;
    const ba = birthDateOf(a);
    const bb = birthDateOf(b);
    const ma = ba.slice(5);
    const mb = bb.slice(5);
    if (ma !== mb) {
      const aFirst = ma < mb;
      const [f, s] = aFirst ? [a, b] : [b, a];
      return firstOf(aFirst, `the parent covered by plan ${f.coverage.id} has the earlier birthday in the year (${(aFirst ? ma : mb)} before ${(aFirst ? mb : ma)}) than the parent covered by plan ${s.coverage.id}`);
    }
    const sa = sinceOf(a);
    const sb = sinceOf(b);
    if (sa === sb) return null;
    const aFirst = sa < sb;
    const [f, s] = aFirst ? [a, b] : [b, a];
    return firstOf(aFirst, `both parents' birthdays fall on ${ma}; plan ${f.coverage.id} has covered its parent longer (since ${aFirst ? sa : sb}) than plan ${s.coverage.id} (since ${aFirst ? sb : sa})`);
  },
};
