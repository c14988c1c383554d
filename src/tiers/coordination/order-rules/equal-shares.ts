// NAIC rule D(6): when no earlier rule decides, the plans share the allowable expense
// equally (each paying no more than it would have paid as primary).
import type { OrderRule } from "./rule.js";

/** The last rule: equal shares. */
export const equalSharesRule: OrderRule = {
  id: "equalShares",
  title: "equal shares",
  compare(a, b) {
    return { first: "tie", reason: `no rule orders plans ${[a.coverage.id, b.coverage.id].sort().join(" and ")}: they share the allowable expense equally` };
  },
};
