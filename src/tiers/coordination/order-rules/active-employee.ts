// NAIC rule D(3): the plan covering the person as an active employee (or as the
// dependent of one) pays before the plan covering them as a retired or laid-off
// employee (or such an employee's dependent). Ignored when a plan does not state the
// status, as the regulation ignores it when the other plan lacks the rule.
import { firstOf, type OrderRule } from "./rule.js";

/** Active before retired or laid off. */
export const activeEmployeeRule: OrderRule = {
  id: "activeEmployee",
  title: "active / retired or laid-off rule",
  compare(a, b) {
    const sa = a.coverage.status;
    const sb = b.coverage.status;
    if (sa === undefined || sb === undefined) return null;
    const aActive = sa === "active";
    const bActive = sb === "active";
    if (aActive === bActive) return null;
    const [f, s] = aActive ? [a, b] : [b, a];
    return firstOf(aActive, `plan ${f.coverage.id} covers the person through active employment, plan ${s.coverage.id} through a ${s.coverage.status === "retired" ? "retired" : "laid-off"} employee`);
  },
};
