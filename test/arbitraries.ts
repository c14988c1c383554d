import fc from "fast-check";
import { money, type Money } from "../src/index.js";

/** A decimal string with up to `scale` decimals and up to `digits` integer digits. */
export function decimalText(opts: { scale?: number; digits?: number; signed?: boolean } = {}): fc.Arbitrary<string> {
  const scale = opts.scale ?? 2;
  const max = 10n ** BigInt((opts.digits ?? 12) + scale);
  return fc.bigInt({ min: opts.signed ? -max : 0n, max }).map((units) => {
    const neg = units < 0n;
    const s = (neg ? -units : units).toString().padStart(scale + 1, "0");
    const body = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
    return neg ? `-${body}` : body;
  });
}

/** Money in a currency at its minor unit (CNY 2, JPY 0). */
export function moneyArb(opts: { currency?: string; signed?: boolean; digits?: number } = {}): fc.Arbitrary<Money> {
  const currency = opts.currency ?? "CNY";
  const scale = currency === "JPY" || currency === "KRW" ? 0 : 2;
  return decimalText({ scale, signed: opts.signed, digits: opts.digits }).map((t) => money(t, currency));
}

/** Non-negative weights, at least one positive, as decimal strings or small numbers. */
export const weightsArb: fc.Arbitrary<(string | number)[]> = fc
  .array(fc.oneof(fc.nat({ max: 1000 }), decimalText({ scale: 3, digits: 3 })), { minLength: 1, maxLength: 12 })
  .filter((ws) => ws.some((w) => Number(w) > 0));

/**
 * Runs for an expensive property: `n` by default; in a deep run (PBT_RUNS set) at least
 * PBT_RUNS, so `npm run test:deep` runs every property at ≥ 100,000 cases.
 */
export function runs(n: number): number {
  const deep = Number(process.env.PBT_RUNS);
  return Number.isFinite(deep) && deep > 0 ? Math.max(n, deep) : n;
}
