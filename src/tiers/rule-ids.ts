// Explanation rule ids are dotted paths with every segment in kebab case
// (`tiers.coordination.order.no-cob-provision`); ids built from a kind's name
// (`nonDuplication`, `feeSchedule`) take the kebab form of that name.

/** The kebab form of a camelCase name: `maintenanceOfBenefits` → `maintenance-of-benefits`. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z])([A-Z][a-z])/g, "$1-$2").toLowerCase();
}
