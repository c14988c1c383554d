// Shared by the dependent-child rules: which of them applies to a pair of plans that
// both cover the person as a dependent child.
import { invalid } from "../../../kernel/index.js";
import type { CoveredPerson } from "../coverage.js";
import type { RankedPlan } from "./rule.js";

/** Which dependent-child rule governs the pair, or null when not both plans cover a dependent child. */
export function childRuleFor(a: RankedPlan, b: RankedPlan, person: CoveredPerson): "courtDecree" | "birthday" | "custodial" | null {
  if (a.coverage.coveredAs !== "child" || b.coverage.coveredAs !== "child") return null;
  if (person.parents === undefined) {
    throw invalid(["person", "parents"], `plans ${a.coverage.id} and ${b.coverage.id} both cover the person as a dependent child: say whether the parents are "together" (married or living together) or "apart"`, "missing_parents");
  }
  if (person.parents === "together") return "birthday";
  if (person.courtDecree === "bothResponsible" || person.courtDecree === "jointCustody") return "birthday";
  if (person.courtDecree === "oneParentResponsible") {
    const aR = a.coverage.parent?.decreeResponsible === true;
    const bR = b.coverage.parent?.decreeResponsible === true;
    // A decree no plan knows of cannot order the plans (the regulation requires actual knowledge): the custodial order applies.
    if (aR || bR) return "courtDecree";
  }
  return "custodial";
}
