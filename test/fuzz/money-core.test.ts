// Fuzz: the money module and the core helpers (errors, explanation, bands, schemas).
import { describe } from "vitest";
import { D, Decimal } from "../../src/money/decimal.js";
import * as api from "../../src/index.js";
import { fuzzEntry, reportFuzzCounts } from "./harness.js";

reportFuzzCounts(import.meta.url);

const m = api.money;
const a = m("1200000.00");
const b = m("0.125");
const usd = m("373000.00", "USD");
const jpy = m("1000", "JPY");

const money = (name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], junkRuns = 150) =>
  fuzzEntry({ module: "money", name, call, seeds, junkRuns, maxCorruptions: 800, randomNearRuns: 60 });

describe("fuzz: money", () => {
  money("money", (x, c) => api.money(x as string, c as string), [["1200000.00", "CNY"], [93250, "USD"], ["334", "JPY"]]);
  money("zero", (c) => api.zero(c as string), [["CNY"], ["JPY"]]);
  money("fromMinorUnits", (u, c) => api.fromMinorUnits(u as bigint, c as string), [[12345n, "CNY"], [-7, "JPY"]]);
  money("toMinorUnits", (x) => api.toMinorUnits(x as api.Money), [[a], [jpy]]);
  money("toJSON", (x) => api.toJSON(x as api.Money), [[a], [b]]);
  money("fromJSON", (x) => api.fromJSON(x), [[{ amount: "480000.00", currency: "CNY" }], [{ amount: 334, currency: "JPY" }]]);
  money("isMoney", (x) => api.isMoney(x), [[a]]);
  money("amountText", (x) => api.amountText(x as api.Money), [[a], [b]]);
  money("isDecimalText", (x) => api.isDecimalText(x as string), [["-12.50"]]);
  money("registerCurrency", (x) => api.registerCurrency(x as { code: string; minorUnit: number }), [[{ code: "ISK", minorUnit: 0, name: "Icelandic króna" }], [{ code: "CNY", minorUnit: 2 }]]);
  money("getCurrency", (x, p) => api.getCurrency(x as string, p as (string | number)[]), [["JPY"], ["CNY", ["currency"]]]);
  money("isCurrencyCode", (x) => api.isCurrencyCode(x), [["CNY"]]);
  money("listCurrencies", () => api.listCurrencies(), [[]], 50);
  money("round", (x, mode) => api.round(x as api.Money, mode as api.Rounding), [[b, "half-even"], [m("-0.125"), "floor"]]);
  money("roundDecimal", (x, p, mode) => api.roundDecimal(x as Decimal, p as number, mode as api.Rounding), [[new D("1.2345"), 2, "half-up"]]);
  money("isRounded", (x) => api.isRounded(x as api.Money), [[a], [b]]);
  money("add", (x, y) => api.add(x as api.Money, y as api.Money), [[a, b]]);
  money("subtract", (x, y) => api.subtract(x as api.Money, y as api.Money), [[a, b]]);
  money("negate", (x) => api.negate(x as api.Money), [[a]]);
  money("abs", (x) => api.abs(x as api.Money), [[m("-5.00")]]);
  money("multiply", (x, f) => api.multiply(x as api.Money, f as string), [[m("99250.00"), "0.75"], [usd, 3]]);
  money("divide", (x, d) => api.divide(x as api.Money, d as string), [[a, "3"], [jpy, 7]]);
  money("percentage", (x, r, mode) => api.percentage(x as api.Money, r as string, mode as api.Rounding), [[m("99250.00"), "0.75", "half-up"]]);
  money("ratio", (x, y) => api.ratio(x as api.Money, y as api.Money), [[m("720000"), a]]);
  money("assertSameCurrency", (x, y) => api.assertSameCurrency(x as api.Money, y as api.Money), [[a, b]]);
  money("compare", (x, y) => api.compare(x as api.Money, y as api.Money), [[a, b]]);
  money("equals", (x, y) => api.equals(x as api.Money, y as api.Money), [[m("1.0"), m("1.00")]]);
  money("lessThan", (x, y) => api.lessThan(x as api.Money, y as api.Money), [[a, b]]);
  money("lessThanOrEqual", (x, y) => api.lessThanOrEqual(x as api.Money, y as api.Money), [[a, b]]);
  money("greaterThan", (x, y) => api.greaterThan(x as api.Money, y as api.Money), [[a, b]]);
  money("greaterThanOrEqual", (x, y) => api.greaterThanOrEqual(x as api.Money, y as api.Money), [[a, b]]);
  money("isZero", (x) => api.isZero(x as api.Money), [[api.zero("CNY")]]);
  money("isPositive", (x) => api.isPositive(x as api.Money), [[a]]);
  money("isNegative", (x) => api.isNegative(x as api.Money), [[m("-1")]]);
  money("sum", (xs, c) => api.sum(xs as api.Money[], c as string), [[[a, b, m("3.30")]], [[], "USD"]]);
  money("min", (...xs) => api.min(...(xs as [api.Money, ...api.Money[]])), [[a, b, m("5")]]);
  money("max", (...xs) => api.max(...(xs as [api.Money, ...api.Money[]])), [[a, b, m("5")]]);
  money("clamp", (x, lo, hi) => api.clamp(x as api.Money, lo as api.Money, hi as api.Money), [[a, m("0"), m("100")]]);
  money("allocate", (x, w) => api.allocate(x as api.Money, w as string[]), [[a, [40, 30, 30]], [m("10.00"), ["0.7", "0.2", "0.1"]], [jpy, [1, 1, 1]]]);
  money("split", (x, n) => api.split(x as api.Money, n as number), [[usd, 4]]);
  money("allocateUnits", (u, w) => api.allocateUnits(u as bigint, w as bigint[]), [[10n, [6n, 4n, 1n]]]);
  money("fractionOf", (r) => api.fractionOf(r as InstanceType<typeof D>), [[new D("0.75")], [new D("1")]]);
  money("divideRounded", (n, d, mode) => api.divideRounded(n as bigint, d as bigint, mode as api.Rounding), [[557_812n * 10n + 5n, 10n, "half-up"], [-5n, 2n, "floor"]]);
  money("unitsText", (u, sc) => api.unitsText(u as bigint, sc as number), [[48_000_000n, 2], [-5n, 0]]);
  money("formatMoney", (x, o) => api.formatMoney(x as api.Money, o as { currency?: boolean }), [[a, { currency: false }], [m("-93250.5", "USD")]]);
});

const k6 = {
  domain: { min: 0, max: 1 },
  bands: [
    { from: "0.8", to: "1", value: "1" },
    { from: "0.6", to: "0.8", value: "0.7" },
    { from: "0", to: "0.4", value: "0", label: "none" },
    { from: "0.4", to: "0.6", value: "0.4" },
  ],
};
const table = api.bandedTable(k6);
const explanation = api.evaluateContract(
  { id: "K", currency: "CNY", price: "1000", payment: { type: "schedule", installments: [{ share: "1", due: { months: 0 } }] } },
  [{ kind: "infusion", date: "2026-01-15" }],
  "2026-12-31",
).explanation;

const core = (name: string, call: (...args: unknown[]) => unknown, seeds: unknown[][], passThrough = false) =>
  fuzzEntry({ module: "core", name, call, seeds, passThrough, maxCorruptions: 800, randomNearRuns: 60 });

describe("fuzz: core", () => {
  core("isLibraryError", (e) => api.isLibraryError(e), [[new api.ValidationError([{ path: ["a"], code: "invalid_value", message: "y" }])]]);
  core("formatPath", (p) => api.formatPath(p as (string | number)[]), [[["schedule", 2, "share"]], [[]]]);
  core("parseInput", (s, x, c) => api.parseInput(s as typeof api.moneySchema, x, c as string), [[api.moneySchema, { amount: "1.00", currency: "CNY" }, "ctx"], [api.isoDateSchema, "2026-01-15"]]);
  core("step", (r, t, i, amt) => api.step(r as string, t as string, i as Record<string, api.ExplainValue>, amt as api.Money), [["rule.id", "A sentence.", { share: "0.4" }, a]], true);
  core("formatExplanation", (s, o) => api.formatExplanation(s as api.Explanation, o as { indent?: string }), [[explanation, { indent: "  " }]], true);
  core("bandedTable", (t, p) => api.bandedTable(t as api.BandedTableInput<unknown>, p as (string | number)[]), [[k6], [{ closed: "upper", bands: [{ from: null, to: 3, value: "high" }, { from: 3, to: null, value: "low" }] }, ["table"]]], true);
  core("lookupBand", (t, x, p) => api.lookupBand(t as api.BandedTable<unknown>, x as string, p as (string | number)[]), [[table, "0.65", ["x"]], [table, 1]], true);
  core("describeBand", (t, band) => api.describeBand(t as api.BandedTable<unknown>, band as api.Band<unknown>), [[table, table.bands[3]], [table, table.bands[0]]]);
  core("describeInterval", (f, t, c) => api.describeInterval(f as Decimal, t as Decimal, c as api.BandClosure), [[new D("0.4"), new D("0.6"), "upper"], [null, new D(1)]]);
  core("bandedTableSchema", (s, x) => api.parseInput(api.bandedTableSchema(s as typeof api.rateSchema), x), [[api.rateSchema, k6]]);
  core("decimal", (bounds, x) => api.parseInput(api.decimal(bounds as { min?: string }), x), [[{ min: "0", max: "1" }, "0.5"], [{ above: "0" }, 1.5]]);
  core("amount", (bounds, x) => api.parseInput(api.amount(bounds as { min?: string }), x), [[{ min: "0" }, "1200000.00"], [{}, -3]]);
  core("moneyOf", (bounds, x) => api.parseInput(api.moneyOf(bounds as { min?: string }), x), [[{ min: "0" }, { amount: "1.00", currency: "CNY" }], [{}, api.money("-5")]]);
});

// Every exported zod schema (xxxSchema): parsing junk through parseInput gives a value or a
// ValidationError — never a throw from inside a refinement or transform.
const schemas = Object.entries(api)
  .filter(([name, v]) => name.endsWith("Schema") && typeof v === "object" && v !== null && typeof (v as { safeParse?: unknown }).safeParse === "function")
  .sort(([a], [b]) => (a < b ? -1 : 1));

describe("fuzz: exported schemas", () => {
  for (const [name, schema] of schemas) {
    fuzzEntry({ module: "schemas", name, call: (x) => api.parseInput(schema as typeof api.moneySchema, x), arity: 1, junkRuns: 100, passThrough: true });
  }
});
