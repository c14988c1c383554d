// The two mechanical pieces of a kind registry (a list of kind records, each holding
// everything about its kind: schema, arithmetic, sentence): the tuple of their schemas
// for a discriminated union, and the lookup from a parsed document's tag to its record.
// Internal to the library; imports nothing (docs/architecture.md).

/** The schemas of a tuple of kind records, as a tuple (what `z.discriminatedUnion` takes). */
export type KindSchemas<T extends readonly unknown[]> = { -readonly [I in keyof T]: T[I] extends { readonly schema: infer S } ? S : never };

/** The schemas of `kinds`, in order, typed as the tuple {@link KindSchemas} names. Internal to the library. */
export function kindSchemas<T extends readonly { readonly schema: unknown }[]>(kinds: T): KindSchemas<T> {
  return kinds.map((k) => k.schema) as unknown as KindSchemas<T>;
}

/**
 * A lookup from a tag (`type`) to the kind record that declares it; undefined for a tag no
 * record declares. Null prototype: a tag read from a document never reaches
 * Object.prototype. Internal to the library.
 */
export function kindLookup<K extends { readonly type: string }>(kinds: readonly K[]): (type: string) => K | undefined {
  const byType: Record<string, K> = Object.create(null) as Record<string, K>;
  for (const k of kinds) byType[k.type] = k;
  return (type) => byType[type];
}
