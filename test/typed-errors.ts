// Shared by test files: run a function that must throw one of the library's typed errors
// and hand back the error (or its issues) for exact assertions.
import { expect } from "vitest";
import { DomainError, ValidationError } from "../src/index.js";

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
