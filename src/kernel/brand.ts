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

/**
 * Freezes objects and arrays all the way down, and the contents of Maps and Sets (their
 * entries stay settable through the methods, so prepared objects expose them as
 * ReadonlyMap and never hand them out). Decimals are frozen too: decimal.js never
 * mutates an existing instance. Iterative, so a deep document cannot overflow the stack.
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
    if (v === null || typeof v !== "object" || Object.isFrozen(v)) continue;
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
