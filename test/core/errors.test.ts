// The typed errors and their messages.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { DomainError, formatPath, isLibraryError, parseInput, ValidationError } from "../../src/index.js";
import { issues } from "../typed-errors.js";

/** The messages parseInput reports (failed unions resolved to the branch that got furthest). */
const messages = (schema: z.ZodType, input: unknown) => issues(() => parseInput(schema, input)).map((i) => i.message);

describe("errors", () => {
  it("formatPath writes keys with dots and indices in brackets", () => {
    expect(formatPath([])).toBe("(root)");
    expect(formatPath(["a", 0, "b"])).toBe("a[0].b");
    expect(formatPath([0, "a"])).toBe("[0].a");
    expect(formatPath(["a", "b", 2, 3])).toBe("a.b[2][3]");
    expect(issues(() => formatPath("a" as never))).toEqual([{ path: ["path"], code: "invalid_type", message: "a path is a list of keys and indices" }]);
    expect(issues(() => formatPath(["a", true] as never))).toEqual([{ path: ["path", 1], code: "invalid_type", message: "a path part is a key (string) or an index (number)" }]);
  });

  it("ValidationError and DomainError messages", () => {
    const v = new ValidationError([
      { path: ["a"], code: "invalid_type", message: "m1" },
      { path: ["b", 0], code: "too_small", message: "m2" },
    ]);
    expect(v.message).toBe("invalid input — a: m1; b[0]: m2");
    expect(v.name).toBe("ValidationError");
    expect(new ValidationError([{ path: [], code: "invalid_value", message: "m" }], "ctx").message).toBe("ctx: invalid input — (root): m");
    const d = new DomainError("BAND_GAP", "reason");
    expect([d.message, d.reason, d.name, d.path, d.details]).toEqual(["reason", "reason", "DomainError", [], {}]);
    expect(new DomainError("BAND_GAP", "r", { path: [] }).message).toBe("r");
    expect([isLibraryError(v), isLibraryError(d), isLibraryError(new Error("x")), isLibraryError(null)]).toEqual([true, true, false, false]);
  });
});

describe("error codes", () => {
  it("docs/errors.md lists every code of ERROR_CODES with its class and meaning, in order", async () => {
    const { readFileSync } = await import("node:fs");
    const { errorCodeTable } = await import("../../scripts/error-codes-doc.js");
    expect(readFileSync("docs/errors.md", "utf8")).toContain(errorCodeTable());
  });

  it("each code has one class: the issue codes are lower snake case, the DomainError codes upper", async () => {
    const { ERROR_CODES, isErrorCode } = await import("../../src/index.js");
    for (const [code, e] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(e.class === "ValidationError" ? /^[a-z]+(_[a-z]+)*$/ : /^[A-Z]+(_[A-Z]+)*$/);
      expect(isErrorCode(code)).toBe(true);
    }
    expect(isErrorCode("oops")).toBe(false);
    expect(isErrorCode("toString")).toBe(false);
  });
});
