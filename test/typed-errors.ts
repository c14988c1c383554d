// Shared by test files: run a function that must throw one of the library's typed errors
// and hand back the error (or its issues) for exact assertions.
import { expect } from "vitest";
import { DomainError, formatPath, ValidationError } from "../src/index.js";

/** The error `fn` throws; fails the test when it returns. */
export function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected an error");
}

/** The DomainError `fn` throws. */
export function domainError(fn: () => unknown): DomainError {
  const e = caught(fn);
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

/** The ValidationError `fn` throws. */
export function validationError(fn: () => unknown): ValidationError {
  const e = caught(fn);
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

/** The issues (path, code, message) of the ValidationError `fn` throws. */
export function issues(fn: () => unknown): { path: readonly (string | number)[]; code: string; message: string }[] {
  return [...validationError(fn).issues];
}

/** The single issue of the ValidationError `fn` throws (fails when there are several). */
export function issue(fn: () => unknown): { path: readonly (string | number)[]; code: string; message: string } {
  const all = issues(fn);
  expect(all).toHaveLength(1);
  return all[0]!;
}

/** The first issue of the ValidationError `fn` throws. */
export function firstIssue(fn: () => unknown): { path: readonly (string | number)[]; code: string; message: string } {
  const all = issues(fn);
  expect(all.length).toBeGreaterThan(0);
  return all[0]!;
}

/** The paths of the issues of the ValidationError `fn` throws, each joined with dots: `"schedule.2.share"`. */
export function issuePaths(fn: () => unknown): string[] {
  return issues(fn).map((i) => i.path.join("."));
}

/**
 * The amount-finer-than-the-currency error `fn` throws (a ValidationError issue
 * `sub_minor_unit`), as `{ code, path, message }` with the message prefixed by its path
 * the way the error's own text shows it.
 */
export function subMinorUnit(fn: () => unknown): { code: string; path: readonly (string | number)[]; message: string } {
  const i = validationError(fn).issues[0]!;
  expect(i.code).toBe("sub_minor_unit");
  return { code: i.code, path: i.path, message: `${formatPath(i.path)}: ${i.message}` };
}

/** The message of the ValidationError `fn` throws (to check the calculator named in front of it). */
export function validationMessage(fn: () => unknown): string {
  return validationError(fn).message;
}
