// Used only by the mutation runs (vitest.stryker.config.ts): `lazySchema` as it was before
// schemas were built on first use (issue 22): the schema is built at once, when the module
// that declares it loads.
//
// Why: under Stryker a worker keeps its modules between mutants, so a schema built on
// first use is built once, by whichever mutant (or none) is active then, and every later
// mutant in that schema's code can never take effect: it would be reported as surviving
// whatever the tests say. Built at import, those mutants are what Stryker calls static
// and are reported as "ignored" (ignoreStatic in stryker.config.mjs), as they were
// before issue 22. The library's own `lazySchema` is unchanged and is still what every
// test outside the mutation runs, and test/core/lazy-schema.test.ts, use.

/** The value of `build()`, built now. */
export function lazySchema<T extends object>(build: () => T): T {
  return build();
}

/** The list `build()` returns, built now. */
export function lazySchemaList<T extends readonly object[]>(build: () => T): T {
  return build();
}
