// NAIC rule D(1): the plan covering the person other than as a dependent (employee,
// member, policyholder, subscriber, retiree) pays before the plan covering them as a
// dependent — reversed for a Medicare beneficiary when federal law makes Medicare
// secondary to the dependent plan and primary to the non-dependent (e.g. retiree) plan.
import { firstOf, type OrderRule } from "./rule.js";

/** Non-dependent coverage before dependent coverage (with the regulation's Medicare reversal). */
export const nonDependentRule: OrderRule = {
  id: "nonDependent",
  title: "non-dependent / dependent rule",
  compare(a, b, person) {
    const aOwn = a.coverage.coveredAs === "subscriber";
    const bOwn = b.coverage.coveredAs === "subscriber";
    if (aOwn === bOwn) return null;
    const own = aOwn ? a : b;
    const dep = aOwn ? b : a;
    if (person.medicareReversesNonDependent === true) {
      return firstOf(!aOwn, `plan ${dep.coverage.id} covers the person as a dependent (${dep.coverage.coveredAs}) and pays first: the person is a Medicare beneficiary for whom Medicare is secondary to that plan and primary to plan ${own.coverage.id}, which covers them as a ${own.coverage.status === "retired" ? "retiree" : "subscriber"}, so the non-dependent rule is reversed`);
    }
    return firstOf(aOwn, `plan ${own.coverage.id} covers the person as a subscriber, plan ${dep.coverage.id} as a dependent (${dep.coverage.coveredAs})`);
  },
};
