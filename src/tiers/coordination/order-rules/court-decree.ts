// NAIC rule D(2)(b)(i): for a dependent child of parents apart, the plan of the parent a
// court decree makes responsible for the child's health care (and that knows of it) pays first.
import { DomainError } from "../../../core/index.js";
import { childRuleFor } from "./parents.js";
import { firstOf, type OrderRule } from "./rule.js";

/** The court-decree rule for a child of parents apart. */
export const courtDecreeRule: OrderRule = {
  id: "courtDecree",
  title: "court-decree rule",
  compare(a, b, person) {
    if (childRuleFor(a, b, person) !== "courtDecree") return null;
    const aR = a.coverage.parent?.decreeResponsible === true;
    const bR = b.coverage.parent?.decreeResponsible === true;
    if (aR && bR) {
      throw new DomainError("INCONSISTENT_INPUT", `the court decree makes one parent responsible, but plans ${a.coverage.id} and ${b.coverage.id} both name their parent as the responsible one`, {
        path: [...b.path, "parent", "decreeResponsible"],
        details: { reason: "conflicting_decree", plans: [a.coverage.id, b.coverage.id].sort() },
      });
    }
    const r = aR ? a : b;
    return firstOf(aR, `a court decree makes the parent covered by plan ${r.coverage.id} responsible for the child's health care`);
  },
};
