import * as z from "zod";
import { lazySchema } from "../kernel/lazy-schema.js";

/**
 * A list of finite numbers: a plain array or a Float64Array (PSA draws).
 *
 * @category Plot Options
 */
export const finiteSeriesSchema = lazySchema(() => z.union([
  z.array(z.number().finite()),
  z.custom<Float64Array>((v) => v instanceof Float64Array && v.every((x) => Number.isFinite(x)), {
    message: "expected an array or Float64Array of finite numbers",
  }),
]));

/**
 * Optional text and size overrides shared by every plot.
 *
 * @category Plot Options
 */
export const plotTextSchema = lazySchema(() => z.strictObject({
  /** Title printed above the plot (标题); each plot has its own default. */
  title: z.string().optional(),
  /** Canvas width in SVG units (px), an integer in [200, 4000]; default 720, widened for long legend labels. */
  width: z.number().int().min(200).max(4000).optional(),
  /** Canvas height in SVG units (px), an integer in [150, 4000]; default 480. */
  height: z.number().int().min(150).max(4000).optional(),
}));
