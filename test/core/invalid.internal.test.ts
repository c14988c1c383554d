// `invalid(path, message, code?)` is plumbing of the chapters (src/kernel), not public API
// since issue 13 item 5: it builds the one-issue ValidationError every chapter throws.
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { invalid } from "../../src/kernel/index.js";

describe("invalid (internal)", () => {
  it("builds a ValidationError with one issue; the code defaults to invalid_value", () => {
    const e = invalid(["p"], "m");
    expect(e).toBeInstanceOf(api.ValidationError);
    expect(e.issues).toEqual([{ path: ["p"], code: "invalid_value", message: "m" }]);
    expect(invalid(["weights", 1], "weights must be ≥ 0", "too_small").issues).toEqual([{ path: ["weights", 1], code: "too_small", message: "weights must be ≥ 0" }]);
    expect(e.message).toBe("invalid input — p: m");
  });

  it("is not exported from the package root or the core chapter", async () => {
    expect("invalid" in api).toBe(false);
    const core = await import("../../src/chapters/core.js");
    expect("invalid" in core).toBe(false);
    expect(typeof core.ValidationError).toBe("function");
  });
});
