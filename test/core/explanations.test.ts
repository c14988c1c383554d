// Explanation steps and their printed form.
// (Folded from the mutation-pin file: each case pins exact behaviour a mutant changed;
// every expected value is worked out by hand beside it.)
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { formatExplanation, money, parseInput, step } from "../../src/index.js";
import { D } from "../../src/money/decimal.js";
import { issues } from "../typed-errors.js";

/** The messages parseInput reports (failed unions resolved to the branch that got furthest). */
const messages = (schema: z.ZodType, input: unknown) => issues(() => parseInput(schema, input)).map((i) => i.message);

describe("explanations", () => {
  it("step keeps an amount only when given, and checks its parts", () => {
    expect(step("r", "t")).toEqual({ rule: "r", text: "t", inputs: {} });
    expect("amount" in step("r", "t", {})).toBe(false);
    expect(step("r", "t", {}, money("1")).amount!.toString()).toBe("CNY 1.00");
    expect(issues(() => step(5 as never, "t"))).toEqual([{ path: ["rule"], code: "invalid_type", message: "a step's rule is a string" }]);
    expect(issues(() => step("r", 5 as never))).toEqual([{ path: ["text"], code: "invalid_type", message: "a step's text is a string" }]);
    expect(issues(() => step("r", "t", null as never))).toEqual([{ path: ["inputs"], code: "invalid_type", message: "a step's inputs are a record" }]);
    expect(issues(() => step("r", "t", 5 as never))[0]!.path).toEqual(["inputs"]);
    expect(issues(() => step("r", "t", {}, { amount: 1 } as never))).toEqual([{ path: ["amount"], code: "invalid_type", message: "a step's amount is Money" }]);
  });

  it("formats every kind of input value, with an indent", () => {
    const s = step(
      "r",
      "Text.",
      { none: null, n: 2, yes: true, d: new D("0.50"), list: ["a", 1], rec: { k: "v", m: money("1000") }, empty: [] },
      money("-1234.5"),
    );
    expect(formatExplanation([s], { indent: "  " })).toBe(
      ["  1. Text. [r]", "     inputs: none —, n 2, yes true, d 0.5, list [a, 1], rec { k: v, m: CNY 1,000.00 }, empty []", "     amount: CNY -1,234.50"].join("\n"),
    );
    // No inputs, no amount: one line per step, numbered from 1.
    expect(formatExplanation([step("a", "A."), step("b", "B.")])).toBe("1. A. [a]\n2. B. [b]");
    expect(formatExplanation([])).toBe("");
    // Records without a prototype are records too.
    expect(formatExplanation([{ rule: "r", text: "T.", inputs: Object.assign(Object.create(null), { k: 1 }) }])).toBe("1. T. [r]\n   inputs: k 1");
  });

  it("refuses malformed steps with their paths", () => {
    expect(issues(() => formatExplanation({} as never))).toEqual([{ path: ["steps"], code: "invalid_type", message: "expected a list of steps, got an object" }]);
    expect(issues(() => formatExplanation([null] as never))).toEqual([{ path: ["steps", 0], code: "invalid_type", message: "expected a step, got null" }]);
    expect(issues(() => formatExplanation([step("r", "t"), { rule: 1, text: "t", inputs: {} }] as never))).toEqual([
      { path: ["steps", 1, "rule"], code: "invalid_type", message: "a step's rule is a string" },
    ]);
    expect(issues(() => formatExplanation([{ rule: "r", text: 1, inputs: {} }] as never))[0]!.path).toEqual(["steps", 0, "text"]);
    for (const inputs of [null, [], new Map(), "x"]) {
      expect(issues(() => formatExplanation([{ rule: "r", text: "t", inputs }] as never))).toEqual([
        { path: ["steps", 0, "inputs"], code: "invalid_type", message: "a step's inputs are a record" },
      ]);
    }
    expect(issues(() => formatExplanation([{ rule: "r", text: "t", inputs: {}, amount: 5 }] as never))).toEqual([
      { path: ["steps", 0, "amount"], code: "invalid_type", message: "a step's amount is Money" },
    ]);
  });
});
