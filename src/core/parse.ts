import type { z } from "zod";
import { invalid, ValidationError, type Issue } from "./errors.js";

interface RawIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly RawIssue[])[];
}

const toPath = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === "symbol" ? String(p) : p));

/**
 * A failed union says only "Invalid input"; report instead the issues of the branch
 * that got furthest into the document (deepest path, then fewest issues), so the
 * caller sees `amount: "abc" is not a decimal` rather than a bare union failure.
 */
function flatten(issue: RawIssue, prefix: readonly PropertyKey[]): Issue[] {
  const here = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors && issue.errors.length > 0) {
    const depth = (branch: readonly RawIssue[]) => Math.max(...branch.map((i) => (i.code === "invalid_type" && i.path.length === 0 ? -1 : i.path.length)));
    const best = [...issue.errors].sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
    if (best && best.length > 0) return best.flatMap((i) => flatten(i, here));
  }
  return [{ path: toPath(here), code: issue.code, message: issue.message }];
}

/**
 * Parses `input` with a zod schema; on failure throws a {@link ValidationError}
 * carrying every issue with its path. `context` names the calculator.
 *
 * @example
 * ```ts
 * const contract = parseInput(contractSchema, json, "contract");
 * ```
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, context?: string): z.output<S> {
  if (typeof (schema as { safeParse?: unknown } | null | undefined)?.safeParse !== "function") throw invalid(["schema"], "expected a zod schema", "invalid_type");
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = (result.error.issues as unknown as RawIssue[]).flatMap((i) => flatten(i, []));
  throw new ValidationError(issues, context);
}
