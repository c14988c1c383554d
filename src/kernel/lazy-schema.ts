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
  const handler = new StandIn(build, target);
  const proxy = new Proxy(target, handler as unknown as ProxyHandler<T>);
  handler.proxy = proxy;
  return proxy;
}

// The stand-in's handler: one object per stand-in holding its state, the traps shared on
// the prototype (cold start: a handler of nine closures per schema made the import's 377
// stand-ins cost ~30 µs each; this is three objects). Every trap forwards to the built value.
class StandIn<T extends object> {
  proxy: T | undefined = undefined;
  private built: T | undefined = undefined;
  private building = false;
  // The built `_zod` with its JSON Schema hook wrapped, made on first read (see zodOf).
  private internals: object | undefined = undefined;

  constructor(
    private readonly build: () => T,
    private readonly target: T,
  ) {}

  real(): T {
    const built = this.built;
    if (built !== undefined) return built;
    // A schema whose construction reads itself would recurse forever; say which instead.
    if (this.building) throw new Error("lazySchema: a schema's construction read the schema itself (use z.lazy or a getter for recursion)");
    this.building = true;
    try {
      this.built = this.build();
    } finally {
      this.building = false;
    }
    return this.built;
  }

  // Non-configurable properties of the built value (zod's `_zod`) must also exist on the
  // target before a trap may report them (a Proxy invariant); they are copied when seen.
  mirror(key: string | symbol, d: PropertyDescriptor | undefined): PropertyDescriptor | undefined {
    if (d !== undefined && !d.configurable && Reflect.getOwnPropertyDescriptor(this.target, key) === undefined) Reflect.defineProperty(this.target, key, d);
    return d;
  }

  // zod's JSON Schema writer keys what it has seen by the schema object it walks (the
  // stand-in, the only object other schemas hold), but each schema's `processJSONSchema`
  // closes over the built instance and looks that one up. The stand-in's `_zod` is the
  // built `_zod` underneath (prototype) with that one hook wrapped: for the length of the
  // call the built instance is seen as the stand-in, then forgotten (no duplicate entry).
  zodOf(r: Record<string | symbol, unknown>): unknown {
    const own = r._zod as Record<string, unknown> | undefined;
    if (own === null || typeof own !== "object") return own;
    if (this.internals !== undefined) return this.internals;
    const hook = own.processJSONSchema;
    const derived = Object.create(own) as Record<string, unknown>;
    const proxy = this.proxy;
    if (typeof hook === "function") {
      Object.defineProperty(derived, "processJSONSchema", {
        value: (ctx: { seen?: Map<unknown, unknown> } | undefined, json: unknown, params: unknown) => {
          const seen = ctx?.seen;
          const entry = seen instanceof Map ? seen.get(proxy) : undefined;
          const alias = entry !== undefined && !seen!.has(r);
          if (alias) seen!.set(r, entry);
          try {
            return (hook as (c: unknown, j: unknown, p: unknown) => unknown).call(own, ctx, json, params);
          } finally {
            if (alias) seen!.delete(r);
          }
        },
      });
    }
    this.internals = derived;
    return derived;
  }

  get(_: T, key: string | symbol): unknown {
    const r = this.real() as Record<string | symbol, unknown>;
    // The stand-in as receiver: zod binds methods to the receiver on first read
    // (`s.optional()` must wrap the stand-in, not the built schema, to keep one identity).
    return key === "_zod" ? this.zodOf(r) : Reflect.get(r, key, this.proxy);
  }

  set(_: T, key: string | symbol, value: unknown): boolean {
    return Reflect.set(this.real(), key, value);
  }

  has(_: T, key: string | symbol): boolean {
    return Reflect.has(this.real(), key);
  }

  ownKeys(): (string | symbol)[] {
    return Reflect.ownKeys(this.real());
  }

  getOwnPropertyDescriptor(_: T, key: string | symbol): PropertyDescriptor | undefined {
    const r = this.real() as Record<string | symbol, unknown>;
    const d = Reflect.getOwnPropertyDescriptor(r, key);
    // `_zod` is reported as the stand-in's own (configurable, so no invariant ties it to the target).
    if (key === "_zod" && d !== undefined) return { value: this.zodOf(r), writable: false, enumerable: false, configurable: true };
    return this.mirror(key, d);
  }

  defineProperty(_: T, key: string | symbol, d: PropertyDescriptor): boolean {
    const r = this.real();
    if (!Reflect.defineProperty(r, key, d)) return false;
    this.mirror(key, Reflect.getOwnPropertyDescriptor(r, key));
    return true;
  }

  deleteProperty(_: T, key: string | symbol): boolean {
    return Reflect.deleteProperty(this.real(), key);
  }

  getPrototypeOf(): object | null {
    return Reflect.getPrototypeOf(this.real());
  }
}
