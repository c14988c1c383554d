// End-to-end demo report. Run: npm run demo
import { allocate, formatMoney, money, percentage, round, split } from "../src/index.js";

const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
const title = (text: string) => console.log(`\n${text}\n${"=".repeat(text.length)}`);

title("precision-vbp — money core");
const price = money("1200000.00", "CNY");
const parts = allocate(price, [40, 30, 30]);
line("CAR-T price", formatMoney(price));
parts.forEach((p, i) => line(`milestone ${i + 1} (${[40, 30, 30][i]}%)`, formatMoney(p)));
split(money("373000.00", "USD"), 4).forEach((p, i) => line(`CMS-style installment ${i + 1} of 4`, formatMoney(p)));
line("basic insurance 75% of CNY 99,250.00", formatMoney(percentage(money("99250.00"), "0.75")));
line("CNY 0.125 half-up / half-even", `${formatMoney(round(money("0.125")))} / ${formatMoney(round(money("0.125"), "half-even"))}`);
