import type { DomainErrorCode, ErrorCode, ValidationCode } from "./error-codes.js";

export { ERROR_CODES, isErrorCode, type ErrorCode, type ErrorClass, type ValidationCode, type DomainErrorCode } from "./error-codes.js";

/**
 * A path into an input document, as zod reports it: `["schedule", 2, "share"]`.
 *
 * @category Errors
 */
export type IssuePath = readonly (string | number)[];

/**
 * One problem found in an input: where, what kind, and why.
 *
 * @category Errors
 */
export interface Issue {
  readonly path: IssuePath;
  readonly code: ErrorCode;
  readonly message: string;
}

/**
 * Renders a path as `schedule[2].share` (or `(root)` for the whole input).
 *
 * @example
 * ```ts
 * formatPath(["schedule", 2, "share"]); // "schedule[2].share"
 * ```
 *
 * @category Errors
 * @param path - an issue path: keys and indices (`["bands", 2, "to"]`)
 * @throws {ValidationError} at `path` when the path is not a list of keys and indices
 */
export function formatPath(path: IssuePath): string {
  if (!Array.isArray(path)) throw new ValidationError([{ path: ["path"], code: "invalid_type", message: "a path is a list of keys and indices" }]);
  if (path.length === 0) return "(root)";
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const part: unknown = path[i];
    if (typeof part === "number" && Number.isSafeInteger(part) && part >= 0) out += `[${part}]`;
    else if (typeof part === "string") out += out === "" ? part : `.${part}`;
    else throw new ValidationError([{ path: ["path", i], code: "invalid_type", message: "a path part is a key (string) or an index (number)" }]);
  }
  return out;
}

// Dual-package hazard (L4): an error thrown by the CJS build must be `instanceof` the ESM
// build's class too, or a backend's `catch (e) { if (e instanceof DomainError) … }` misses
// it. Each class recognises instances by a tag under a global symbol, not by prototype.
const ERROR_TAG = Symbol.for("precision-vbp.error-class");

function tagged(value: unknown, name: string): boolean {
  return typeof value === "object" && value !== null && (value as { [ERROR_TAG]?: unknown })[ERROR_TAG] === name;
}

/**
 * The input does not have the shape or values a calculator accepts.
 * Carries every issue found, each with the path of the offending field.
 *
 * @example
 * ```ts
 * try { money("abc", "CNY") } catch (e) {
 *   if (e instanceof ValidationError) console.log(e.issues[0].path); // ["amount"]
 * }
 * ```
 *
 * @category Errors
 */
export class ValidationError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return tagged(value, "ValidationError");
  }
  override readonly name = "ValidationError";
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], context?: string) {
    const lines = issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    super(`${context ? `${context}: ` : ""}invalid input — ${lines.join("; ")}`);
    this.issues = issues;
    Object.defineProperty(this, ERROR_TAG, { value: "ValidationError" });
  }
}

/**
 * Valid values that break a domain rule together: adding CNY to USD, a tier table
 * with a gap, events out of order, components that disagree with a bundle price.
 *
 * @example
 * ```ts
 * try { add(money("1", "CNY"), money("1", "USD")) } catch (e) {
 *   if (e instanceof DomainError) console.log(e.code); // "CURRENCY_MISMATCH"
 * }
 * ```
 *
 * @category Errors
 */
export class DomainError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return tagged(value, "DomainError");
  }
  override readonly name = "DomainError";
  readonly code: DomainErrorCode;
  readonly path: IssuePath;
  readonly details: Readonly<Record<string, unknown>>;
  /** The message without the path prefix. */
  readonly reason: string;
  constructor(
    code: DomainErrorCode,
    message: string,
    options: { path?: IssuePath; details?: Record<string, unknown> } = {},
  ) {
    const where = options.path && options.path.length > 0 ? `${formatPath(options.path)}: ` : "";
    super(`${where}${message}`);
    this.code = code;
    this.reason = message;
    this.path = options.path ?? [];
    this.details = options.details ?? {};
    Object.defineProperty(this, ERROR_TAG, { value: "DomainError" });
  }
}

/**
 * Shorthand for a one-issue {@link ValidationError}.
 *
 * @example
 * ```ts
 * throw invalid(["weights", 1], "weights must be ≥ 0");
 * ```
 *
 * @category Errors
 * @param path - the field path of the issue
 * @param message - the reason, as the caller reads it
 * @param code - the issue code, one of `ValidationCode` (default `invalid_value`)
 */
export function invalid(path: IssuePath, message: string, code: ValidationCode = "invalid_value"): ValidationError {
  return new ValidationError([{ path, code, message }]);
}

/**
 * Shorthand for an `INCONSISTENT_INPUT` {@link DomainError} at `path`: fields that must
 * agree with each other do not.
 *
 * @example
 * ```ts
 * throw inconsistent(["components"], "the components do not add up to the bundle price");
 * ```
 */
export function inconsistent(path: IssuePath, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError("INCONSISTENT_INPUT", message, { path, details });
}

/**
 * True for either of the library's typed errors.
 *
 * @example
 * ```ts
 * declare const doc: unknown;
 * try {
 *   parseContract(doc);
 * } catch (e) {
 *   if (!isLibraryError(e)) throw e;
 *   console.log(400, e.message); // a typed error: the caller's input was wrong
 * }
 * ```
 *
 * @category Errors
 * @param error - any caught value
 */
export function isLibraryError(error: unknown): error is ValidationError | DomainError {
  return error instanceof ValidationError || error instanceof DomainError;
}
