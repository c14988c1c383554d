// Schemas built on first use (issue 22 item 1). Importing the package used to construct
// every module-level zod schema of every chapter (about 4,800 of them) before a caller
// could parse a single document; most processes use a handful. `lazySchema(() => z…)`
// stands for the schema from the start and builds it the first time anything looks at
// it. Scripts apply it mechanically (scripts/codemods/lazy-schemas.ts).
//
// The stand-in is a Proxy over an empty object that forwards every operation to the built
// schema, so it is the schema for every purpose a caller has: `.parse`, `.safeParse`,
// `.shape`, `.extend`, `.optional()`, `instanceof z.ZodType` (zod's `Symbol.hasInstance`
// reads `_zod.traits` through the proxy), `"_zod" in s`, composition inside other schemas
// (zod reads a child's `_zod` when it needs it), spreads of plain shape objects, and
// z.toJSONSchema / registries, which key by object identity: the stand-in is the only
// object a caller, another schema or the JSON Schema build ever holds, so each is keyed by
// one identity. Methods run with `this` = the stand-in, which forwards again.
//
// Not a cache of results: the built value is a pure function of nothing (the same
// expression the module evaluated before), made at most once, and never changes.
// The kernel imports nothing (docs/architecture.md): this file needs no zod.

/**
 * `build()`'s value, built on first use: a stand-in that forwards every property read,
 * write, `in`, key listing, descriptor and prototype query to the value `build` returns
 * (called once). For module-level zod schemas and the plain shape objects they spread.
 * Internal to the library.
 */
export function lazySchema<T extends object>(build: () => T): T {
  return standIn(build, {} as T);
}

/**
 * {@link lazySchema} for an array of schemas (a list of kinds passed to a union): the
 * stand-in's target is an array, so `Array.isArray` holds for it as for the list itself.
 * Internal to the library.
 */
export function lazySchemaList<T extends readonly object[]>(build: () => T): T {
  return standIn(build, [] as unknown as T);
}

function standIn<T extends object>(build: () => T, target: T): T {
  let built: T | undefined;
  let building = false;
  const real = (): T => {
    if (built !== undefined) return built;
    // A schema whose construction reads itself would recurse forever; say which instead.
    if (building) throw new Error("lazySchema: a schema's construction read the schema itself (use z.lazy or a getter for recursion)");
    building = true;
    try {
      built = build();
    } finally {
      building = false;
    }
    return built;
  };
  // Non-configurable properties of the built value (zod's `_zod`) must also exist on the
  // target before a trap may report them (a Proxy invariant); they are copied when seen.
  const mirror = (key: string | symbol, d: PropertyDescriptor | undefined): PropertyDescriptor | undefined => {
    if (d !== undefined && !d.configurable && Reflect.getOwnPropertyDescriptor(target, key) === undefined) Reflect.defineProperty(target, key, d);
    return d;
  };
  return new Proxy(target, {
    get: (_, key) => {
      const r = real() as Record<string | symbol, unknown>;
      return r[key];
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => mirror(key, Reflect.getOwnPropertyDescriptor(real(), key)),
    defineProperty: (_, key, d) => {
      const r = real();
      if (!Reflect.defineProperty(r, key, d)) return false;
      mirror(key, Reflect.getOwnPropertyDescriptor(r, key));
      return true;
    },
    deleteProperty: (_, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
