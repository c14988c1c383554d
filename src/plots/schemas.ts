import * as z from "zod";

/** A list of finite numbers: a plain array or a Float64Array (PSA draws). */
export const finiteSeriesSchema = z.union([
  z.array(z.number().finite()),
  z.custom<Float64Array>((v) => v instanceof Float64Array && v.every((x) => Number.isFinite(x)), {
    message: "expected an array or Float64Array of finite numbers",
  }),
]);

/** Optional text overrides shared by every plot. */
export const plotTextSchema = z.strictObject({
  title: z.string().optional(),
  width: z.number().int().min(200).max(4000).optional(),
  height: z.number().int().min(150).max(4000).optional(),
});
