// Unforgeable marks for prepared objects (L1): a value counts as "made by parseX" only if
// that parser registered it, so a look-alike object from JSON or user code is refused.
// The set is held by the brand the parser module creates (no process-wide registry), and
// a branded value is deep-frozen so nothing reachable from it can change afterwards.

/** A mark for one kind of prepared object: `mark` registers and deep-freezes, `has` checks. */
export interface Brand<T extends object> {
  /** Deep-freezes `value`, records it as made here, and returns it. */
  mark<V extends T>(value: V): V;
  /** True only for values passed to `mark` of this brand. */
  has(value: unknown): value is T;
}

/** Objects whose insides belong to a library that mutates them (decimal.js) are left alone. */
function isOpaque(value: object): boolean {
  return (value as { constructor?: { name?: string } }).constructor?.name === "Decimal" && typeof (value as { toFixed?: unknown }).toFixed === "function";
}

/**
 * Freezes plain objects, arrays, Maps' and Sets' contents all the way down; Decimals are
 * left as they are (they are never handed out mutable: Money wraps them in a frozen object).
 * Iterative, so a deep document cannot overflow the stack.
 *
 * @example
 * ```ts
 * const plan = deepFreeze({ layers: [{ id: "basic" }] });
 * Object.isFrozen(plan.layers[0]); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || Object.isFrozen(v) || isOpaque(v)) continue;
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set) for (const x of v) stack.push(x);
    for (const key of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, key);
      if (d && "value" in d) stack.push(d.value);
    }
    Object.freeze(v);
  }
  return value;
}

/**
 * A new brand. Each call gives a distinct brand; keep it module-private.
 *
 * @example
 * ```ts
 * const tables = brand<{ rows: string[] }>();
 * const t = tables.mark({ rows: ["a"] });
 * tables.has(t);                 // true
 * tables.has({ rows: ["a"] });   // false: a look-alike is not a made table
 * ```
 */
export function brand<T extends object>(): Brand<T> {
  const made = new WeakSet<object>();
  return {
    mark<V extends T>(value: V): V {
      deepFreeze(value);
      made.add(value);
      return value;
    },
    has(value: unknown): value is T {
      return typeof value === "object" && value !== null && made.has(value);
    },
  };
}
