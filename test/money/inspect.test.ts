import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { add, money } from "../../src/index.js";

describe("Money in the REPL and notebooks", () => {
  it("util.inspect shows the exact amount and currency, not a float", () => {
    expect(inspect(money("840000", "CNY"))).toBe("Money(CNY 840000.00)");
    expect(inspect({ net: add(money("0.1", "USD"), money("0.2", "USD")) })).toBe("{ net: Money(USD 0.30) }");
    // Sub-minor intermediates keep every digit.
    expect(inspect(money("0.125", "EUR"))).toBe("Money(EUR 0.125)");
  });

  it("JSON and string forms are unchanged by it", () => {
    const m = money("1234.5", "CNY");
    expect(JSON.stringify(m)).toBe('{"amount":"1234.50","currency":"CNY"}');
    expect(String(m)).toBe("CNY 1234.50");
  });
});
