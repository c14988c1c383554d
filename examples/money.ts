// Money: exact amounts, explicit rounding, splits that never lose a cent.
// Run: npx tsx examples/money.ts
import { allocate, formatMoney, money, multiply, percentage, round, split, sum } from "precision-vbp";

const price = money("1200000.00", "CNY");
const milestones = allocate(price, [40, 30, 30]);
console.log("CAR-T price", formatMoney(price), "split 40/30/30:", milestones.map((m) => formatMoney(m)).join(" / "));
console.log("  parts add back to", formatMoney(sum(milestones)));

const cms = split(money("373000.00", "USD"), 4);
console.log("USD 373,000 in 4 installments:", cms.map((m) => formatMoney(m)).join(" / "));

const thirds = allocate(money("100.00"), [1, 1, 1]);
console.log("CNY 100 in thirds (largest remainder, ties to the earlier part):", thirds.map((m) => formatMoney(m)).join(" / "));

console.log("Basic insurance 75% of CNY 99,250.00 (half-up):", formatMoney(percentage(money("99250.00"), "0.75")));
console.log("CNY 0.125 half-up / half-even:", formatMoney(round(money("0.125"))), "/", formatMoney(round(money("0.125"), "half-even")));
console.log("Unrounded intermediate kept exact:", multiply(money("99.99"), "0.125").toString());
console.log("JSON form:", JSON.stringify(milestones[0]));
