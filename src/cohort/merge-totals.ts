// Cohort totals form a commutative monoid: merging is addition of counts and of minor
// units per field (and per layer id), the identity is `emptyCohortTotals(currency)`.
// That is what lets a payer settle a cohort in shards — worker threads, queue jobs,
// machines — and merge the shards' totals in any grouping and any order into exactly
// the totals of one pass.
import { DomainError, invalid, type IssuePath } from "../core/errors.js";
import { getCurrency } from "../money/currency.js";
import type { CohortTotals, CohortTotalsJSON } from "./settle-cohort.js";

const COUNTS = ["patients", "errors"] as const;
const AMOUNTS = ["gross", "refunded", "net", "withheld", "patientShare"] as const;

/** Checks one part by hand: totals are plain data that may have crossed a process boundary. */
function checkPart(part: unknown, path: IssuePath): asserts part is CohortTotals {
  const t = part as Record<string, unknown> | null;
  if (t === null || typeof t !== "object" || Array.isArray(t)) throw invalid(path, "expected cohort totals (from emptyCohortTotals or addToCohortTotals)", "invalid_type");
  if (typeof t.currency !== "string") throw invalid([...path, "currency"], "expected a currency code", "invalid_type");
  getCurrency(t.currency, [...path, "currency"]);
  for (const k of COUNTS) {
    if (!Number.isSafeInteger(t[k]) || (t[k] as number) < 0) throw invalid([...path, k], "a count is a whole number ≥ 0", "invalid_type");
  }
  for (const k of AMOUNTS) if (typeof t[k] !== "bigint") throw invalid([...path, k], "an amount is a bigint of minor units", "invalid_type");
  const layers = t.layers as Record<string, unknown> | null;
  if (layers === null || typeof layers !== "object" || Array.isArray(layers)) throw invalid([...path, "layers"], "layers are a record of bigint minor units", "invalid_type");
  for (const id of Object.keys(layers)) if (typeof layers[id] !== "bigint") throw invalid([...path, "layers", id], "an amount is a bigint of minor units", "invalid_type");
}

/**
 * Merges the running totals of cohort shards into the totals of the whole cohort.
 * Associative and commutative, with `emptyCohortTotals(currency)` as the identity: any
 * split of the patients into shards, merged in any grouping and order, gives exactly the
 * totals of one pass over them (counts and integer minor units are added; layer totals
 * are added per layer id). Every part must be in the same currency
 * (`CURRENCY_MISMATCH` otherwise); an empty list is refused, since it has no currency.
 *
 * The shards must hold disjoint patients: a patient id repeated *within* a stream is
 * caught by `settleCohort`, but totals carry no ids, so split a cohort by patient.
 *
 * @param parts - The shards' totals, at least one, all in one currency.
 * @returns The totals of the whole cohort.
 * @throws {ValidationError} when the list is empty or a part is malformed (path: its position, then the field).
 * @throws {DomainError} CURRENCY_MISMATCH when the parts are in different currencies.
 * @category Sharding
 * @example
 * ```ts
 * declare const shardA: ReturnType<typeof emptyCohortTotals>, shardB: ReturnType<typeof emptyCohortTotals>, shardC: ReturnType<typeof emptyCohortTotals>;
 * const whole = mergeCohortTotals([shardA, shardB, shardC]);
 * mergeCohortTotals([whole, emptyCohortTotals("CNY")]); // equals whole
 * ```
 */
export function mergeCohortTotals(parts: readonly CohortTotals[]): CohortTotals {
  if (!Array.isArray(parts)) throw invalid([], "expected a list of cohort totals", "invalid_type");
  if (parts.length === 0) throw invalid([], "expected at least one cohort totals (use emptyCohortTotals(currency) for none)", "too_small");
  // A plain loop, not forEach: a sparse list's holes must be checked too.
  for (let i = 0; i < parts.length; i++) checkPart(parts[i], [i]);
  const currency = parts[0]!.currency;
  let patients = 0;
  let errors = 0;
  let gross = 0n;
  let refunded = 0n;
  let net = 0n;
  let withheld = 0n;
  let patientShare = 0n;
  // Null prototype and own keys only: a layer id "__proto__" or "constructor" is a key like any other.
  const layers = Object.create(null) as Record<string, bigint>;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.currency !== currency) {
      throw new DomainError("CURRENCY_MISMATCH", `cannot merge ${p.currency} cohort totals into ${currency} totals`, { path: [i, "currency"], details: { expected: currency, actual: p.currency } });
    }
    patients += p.patients;
    errors += p.errors;
    if (!Number.isSafeInteger(patients) || !Number.isSafeInteger(errors)) throw invalid([i], "the merged counts exceed the safe integer range", "too_big");
    gross += p.gross;
    refunded += p.refunded;
    net += p.net;
    withheld += p.withheld;
    patientShare += p.patientShare;
    for (const id of Object.keys(p.layers)) layers[id] = (Object.hasOwn(layers, id) ? layers[id]! : 0n) + p.layers[id]!;
  }
  return { currency, patients, errors, gross, refunded, net, withheld, layers, patientShare };
}

/** Minor units of a decimal text with at most `scale` decimals, or null. */
function unitsOf(text: unknown, scale: number): bigint | null {
  if (typeof text !== "string" || !/^-?\d+(\.\d+)?$/.test(text) || text.length > 40) return null;
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = (negative ? text.slice(1) : text).split(".");
  if (fraction.length > scale) return null;
  const magnitude = BigInt(whole! + fraction.padEnd(scale, "0"));
  return negative ? -magnitude : magnitude;
}

/**
 * Reads totals back from their JSON form ({@link cohortTotalsToJSON}), exactly: the way
 * shard totals cross a process boundary (a queue, a file, an HTTP reply) before
 * {@link mergeCohortTotals}. Amounts with more decimals than the currency has, or that
 * are not plain decimals, are refused with their path; nothing is rounded.
 *
 * @param json - Totals as JSON ({@link cohortTotalsToJSON}), e.g. parsed from a queue message.
 * @returns The totals with amounts as bigint minor units.
 * @throws {ValidationError} when a field is missing, unknown, or an amount is not a plain decimal at the currency's scale (path named).
 * @category Sharding
 * @example
 * ```ts
 * declare const redis: { get(key: string): Promise<string> };
 * const shard = cohortTotalsFromJSON(JSON.parse(await redis.get("shard-3")));
 * ```
 */
export function cohortTotalsFromJSON(json: CohortTotalsJSON): CohortTotals {
  const t = json as unknown as Record<string, unknown> | null;
  if (t === null || typeof t !== "object" || Array.isArray(t)) throw invalid([], "expected cohort totals as JSON (from cohortTotalsToJSON)", "invalid_type");
  const allowed = new Set(["currency", "patients", "errors", "gross", "refunded", "net", "withheld", "layers", "patientShare"]);
  for (const k of Object.keys(t)) if (!allowed.has(k)) throw invalid([k], `unknown key "${k}"`, "unrecognized_keys");
  if (typeof t.currency !== "string") throw invalid(["currency"], "expected a currency code", "invalid_type");
  const scale = getCurrency(t.currency, ["currency"]).minorUnit;
  for (const k of COUNTS) if (!Number.isSafeInteger(t[k]) || (t[k] as number) < 0) throw invalid([k], "a count is a whole number ≥ 0", "invalid_type");
  const amount = (v: unknown, path: IssuePath): bigint => {
    const u = unitsOf(v, scale);
    if (u === null) throw invalid(path, `an amount is a decimal string with at most ${scale} decimals`, "invalid_amount");
    return u;
  };
  const l = t.layers as Record<string, unknown> | null;
  if (l === null || typeof l !== "object" || Array.isArray(l)) throw invalid(["layers"], "layers are a record of decimal strings", "invalid_type");
  const layers = Object.create(null) as Record<string, bigint>;
  for (const id of Object.keys(l)) layers[id] = amount(l[id], ["layers", id]);
  return {
    currency: t.currency,
    patients: t.patients as number,
    errors: t.errors as number,
    gross: amount(t.gross, ["gross"]),
    refunded: amount(t.refunded, ["refunded"]),
    net: amount(t.net, ["net"]),
    withheld: amount(t.withheld, ["withheld"]),
    layers,
    patientShare: amount(t.patientShare, ["patientShare"]),
  };
}
