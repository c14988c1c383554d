// What a parameter-distribution kind is: everything about it in one record (its schema,
// its name, its mean, how it is drawn), so the base case, the PSA draws and the
// microsimulation's attribute draws cannot disagree about which kinds exist or how each
// is sampled. Adding a kind is one file in this folder plus one entry in registry.ts.
// Not public.
import type * as z from "zod";
import { modelFloat } from "../numbers.js";
import type { UniformSource } from "../random.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** A positive model number (the scale-like parameters of the kinds). */
export const positive = lazySchema(() => modelFloat({ above: 0 }));
/** A finite model number (means and log-means). */
export const finite = lazySchema(() => modelFloat());

interface KindBase<Schema extends z.ZodType<{ readonly type: string }>> {
  /** The `type` its documents carry (the literal of its schema). */
  readonly type: z.output<Schema>["type"];
  /** Its parameters. */
  readonly schema: Schema;
  /** Its name in messages ("beta", "Dirichlet", "multivariate normal"). */
  readonly name: string;
}

/** A distribution of one number: its mean is a parameter's default base case. */
export interface ScalarDistributionKind<Schema extends z.ZodType<{ readonly type: string }>> extends KindBase<Schema> {
  readonly vector: false;
  /** The mean (a parameter's base case when it gives no `value`). */
  readonly mean: (d: z.output<Schema>) => number;
  /** One draw, from the uniforms `u` supplies. */
  readonly draw: (d: z.output<Schema>, u: UniformSource) => number;
}

/** A distribution of a vector of named components (one parameter slot per key). */
export interface VectorDistributionKind<Schema extends z.ZodType<{ readonly type: string }>> extends KindBase<Schema> {
  readonly vector: true;
  /** The components in slot order, each with its base-case value (the base case is fixed by the distribution: a `value` is refused). */
  readonly base: (d: z.output<Schema>) => { readonly key: string; readonly value: number }[];
  /** One draw of every component, written to `out` at the slot `slots` gives its key. */
  readonly drawInto: (d: z.output<Schema>, u: UniformSource, slots: ReadonlyMap<string, number>, out: Float64Array) => void;
}

/** One parameter-distribution kind. */
export type DistributionKind<Schema extends z.ZodType<{ readonly type: string }>> = ScalarDistributionKind<Schema> | VectorDistributionKind<Schema>;
