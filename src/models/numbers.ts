import * as z from "zod";
import { isDecimalText } from "../money/index.js";

interface FloatBounds {
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
}

/**
 * A model number in a document: a finite JSON number or a decimal string, read as
 * float64 (model arithmetic is statistics, not settlement). Optional bounds.
 */
export function modelFloat(bounds: FloatBounds = {}) {
  return z.union([z.number(), z.string()]).transform((value, ctx): number => {
    let x: number;
    if (typeof value === "string") {
      if (!isDecimalText(value.trim())) {
        ctx.addIssue({ code: "custom", message: `"${value}" is not a decimal number` });
        return z.NEVER;
      }
      x = Number(value.trim());
    } else x = value;
    if (!Number.isFinite(x)) {
      ctx.addIssue({ code: "custom", message: `${String(value)} is not a finite number` });
      return z.NEVER;
    }
    if (bounds.min !== undefined && x < bounds.min) {
      ctx.addIssue({ code: "custom", message: `must be ≥ ${bounds.min}, got ${x}` });
      return z.NEVER;
    }
    if (bounds.above !== undefined && x <= bounds.above) {
      ctx.addIssue({ code: "custom", message: `must be > ${bounds.above}, got ${x}` });
      return z.NEVER;
    }
    if (bounds.max !== undefined && x > bounds.max) {
      ctx.addIssue({ code: "custom", message: `must be ≤ ${bounds.max}, got ${x}` });
      return z.NEVER;
    }
    return x;
  });
}

/** Largest gap from 1 tolerated in a probability row or an initial distribution. */
export const ROW_TOLERANCE = 1e-9;

/** A float shown to 12 significant digits, for messages (0.8999999999999999 reads 0.9). */
export function showFloat(x: number): string {
  return Number.isFinite(x) ? Number(x.toPrecision(12)).toString() : String(x);
}
