// NAIC rule B(1): a plan without a coordination-of-benefits provision consistent with
// the regulation is always primary. Two such plans both claim primacy: nothing in the
// regulation orders them, so the input is refused rather than guessed.
import { DomainError } from "../../../core/index.js";
import { firstOf, type OrderRule } from "./rule.js";

/** A plan with no COB provision pays first; two of them are a typed error. */
export const noCobProvisionRule: OrderRule = {
  id: "noCobProvision",
  title: "no-COB-provision rule",
  compare(a, b) {
    const aNone = a.coverage.cobProvision === false;
    const bNone = b.coverage.cobProvision === false;
    if (aNone && bNone) {
      const ids = [a.coverage.id, b.coverage.id].sort();
      throw new DomainError("INCONSISTENT_INPUT", `plans ${JSON.stringify(ids[0])} and ${JSON.stringify(ids[1])} both claim primacy (neither has a COB provision) and no rule orders them`, {
        path: a.coverage.id === ids[0] ? a.path : b.path,
        details: { reason: "ambiguous_primacy", plans: ids },
      });
    }
    if (aNone === bNone) return null;
    const none = aNone ? a : b;
    return firstOf(aNone, `plan ${none.coverage.id} has no coordination-of-benefits provision, so it is primary`);
  },
};
