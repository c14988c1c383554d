import type { z } from "zod";
import { ValidationError, type Issue } from "./errors.js";

/**
 * Parses `input` with a zod schema; on failure throws a {@link ValidationError}
 * carrying every zod issue with its path. `context` names the calculator.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, context?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: Issue[] = result.error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    code: i.code,
    message: i.message,
  }));
  throw new ValidationError(issues, context);
}
