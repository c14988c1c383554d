// NAIC rule D(2)(b)(iv): for a dependent child of parents apart with no court decree
// allocating responsibility, the plans pay in this order: the custodial parent's, the
// custodial parent's spouse's, the non-custodial parent's, then that parent's spouse's.
import { invalid } from "../../../kernel/index.js";
import type { RankedPlan } from "./rule.js";
import { childRuleFor } from "./parents.js";
import { firstOf, type OrderRule } from "./rule.js";

const RANK = { custodialParent: 0, spouseOfCustodialParent: 1, nonCustodialParent: 2, spouseOfNonCustodialParent: 3 } as const;
const WORDS = { custodialParent: "the custodial parent", spouseOfCustodialParent: "the custodial parent's spouse", nonCustodialParent: "the non-custodial parent", spouseOfNonCustodialParent: "the non-custodial parent's spouse" } as const;

function custodyOf(p: RankedPlan): keyof typeof RANK {
  const c = p.coverage.parent?.custody;
  if (c === undefined) throw invalid([...p.path, "parent", "custody"], `the parents are apart with no court decree: say whose plan ${p.coverage.id} is (custodialParent, spouseOfCustodialParent, nonCustodialParent, spouseOfNonCustodialParent)`, "missing_custody");
  return c;
}

/** The custodial order for a child of parents apart without a court decree. */
export const custodialParentRule: OrderRule = {
  id: "custodialParent",
  title: "custodial-parent order",
  compare(a, b, person) {
    if (childRuleFor(a, b, person) !== "custodial") return null;
    const ca = custodyOf(a);
    const cb = custodyOf(b);
    if (RANK[ca] === RANK[cb]) return null;
    const aFirst = RANK[ca] < RANK[cb];
    const [f, s, cf, cs] = aFirst ? [a, b, ca, cb] : [b, a, cb, ca];
    return firstOf(aFirst, `the parents are apart with no court decree: plan ${f.coverage.id} covers the child through ${WORDS[cf]}, before plan ${s.coverage.id} through ${WORDS[cs]}`);
  },
};
