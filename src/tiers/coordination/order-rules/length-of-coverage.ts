// NAIC rule D(5): the plan that has covered the person longer pays first.
import { invalid } from "../../../kernel/index.js";
import type { RankedPlan } from "./rule.js";
import { firstOf, type OrderRule } from "./rule.js";

function sinceOf(p: RankedPlan, other: RankedPlan): string {
  const d = p.coverage.coveredSince;
  if (d === undefined) {
    throw invalid([...p.path, "coveredSince"], `no earlier rule orders plans ${p.coverage.id} and ${other.coverage.id}: give since when plan ${p.coverage.id} has covered the person (length-of-coverage rule)`, "missing_covered_since");
  }
  return d;
}

/** Longer coverage first. */
export const lengthOfCoverageRule: OrderRule = {
  id: "lengthOfCoverage",
  title: "longer / shorter length of coverage",
  compare(a, b) {
    const sa = sinceOf(a, b);
    const sb = sinceOf(b, a);
    if (sa === sb) return null;
    const aFirst = sa < sb;
    const [f, s] = aFirst ? [a, b] : [b, a];
    return firstOf(aFirst, `plan ${f.coverage.id} has covered the person longer (since ${f.coverage.coveredSince}) than plan ${s.coverage.id} (since ${s.coverage.coveredSince})`);
  },
};
