// The order-of-benefit rules in the order the NAIC model regulation applies them: for
// each pair of plans the first rule that decides wins. Adding a rule is one file plus
// one line here.
import { activeEmployeeRule } from "./active-employee.js";
import { birthdayRule } from "./birthday.js";
import { continuationRule } from "./continuation.js";
import { courtDecreeRule } from "./court-decree.js";
import { custodialParentRule } from "./custodial-parent.js";
import { equalSharesRule } from "./equal-shares.js";
import { lengthOfCoverageRule } from "./length-of-coverage.js";
import { noCobProvisionRule } from "./no-cob-provision.js";
import { nonDependentRule } from "./non-dependent.js";
import type { OrderRule } from "./rule.js";
import { secondaryByLawRule } from "./secondary-by-law.js";

/**
 * The order-of-benefit determination rules, first to last.
 *
 * @category Coordination of Benefits
 */
export const ORDER_RULES: readonly OrderRule[] = [
  secondaryByLawRule,
  noCobProvisionRule,
  nonDependentRule,
  courtDecreeRule,
  birthdayRule,
  custodialParentRule,
  activeEmployeeRule,
  continuationRule,
  lengthOfCoverageRule,
  equalSharesRule,
];
