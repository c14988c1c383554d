// The Dirichlet distribution, for a whole transition row.
import * as z from "zod";
import { userRecord } from "../../core/schemas.js";
import { sampleStandardGamma } from "../random.js";
import { positive, type VectorDistributionKind } from "./kind.js";
import { lazySchema } from "../../kernel/lazy-schema.js";

const dirichletSchema = lazySchema(() => z
  .strictObject({
    /** Dirichlet distribution (狄利克雷分布), for a whole transition row. */
    type: z.literal("dirichlet"),
    /** Concentration α per key (at least two keys), each > 0; component i has mean α_i / Σα. */
    alpha: userRecord(z.string().min(1), positive),
  })
  .strict()
  .refine((d) => Object.keys(d.alpha).length >= 2, { message: "a Dirichlet needs at least two keys", path: ["alpha"] }));

/** Dirichlet(α): component i has mean α_i / Σα; drawn as independent gammas G_i ~ Gamma(α_i), each divided by their sum. */
export const dirichletDistribution: VectorDistributionKind<typeof dirichletSchema> = {
  type: "dirichlet",
  schema: dirichletSchema,
  name: "Dirichlet",
  vector: true,
  base: (d) => {
    const total = Object.values(d.alpha).reduce((a, b) => a + b, 0);
    return Object.entries(d.alpha).map(([key, alpha]) => ({ key, value: alpha / total }));
  },
  drawInto: (d, u, slots, out) => {
    let total = 0;
    for (const [key, s] of slots) {
      const g = sampleStandardGamma(u, d.alpha[key] as number);
      out[s] = g;
      total += g;
    }
    for (const s of slots.values()) out[s] = (out[s] as number) / total;
  },
};
