// M4 (one supported calendar range) and M5 (no dependence on the host time zone).
import { describe, expect, it } from "vitest";
import { addDueOffset, evaluateContract, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from "../../src/index.js";
import { issues } from "../typed-errors.js";

describe("M4: calendar range", () => {
  it("M4: a due date past 9999-12-31 or before 0000-01-01 is a ValidationError at offset, never \"10000-01-15\" or \"00-1-12-31\"", () => {
    expect([MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR]).toEqual([0, 9999]);
    expect(issues(() => addDueOffset({ date: "9999-12-15", offset: { months: 1, days: 0 } }))[0]).toMatchObject({ path: ["offset"], code: "out_of_range" });
    expect(issues(() => addDueOffset({ date: "0000-01-01", offset: { months: 0, days: -1 } }))[0]).toMatchObject({ path: ["offset"], code: "out_of_range" });
    expect(addDueOffset({ date: "9999-11-30", offset: { months: 1, days: 0 } })).toBe("9999-12-30");
  });

  it("M4: 0000-02-29 + 1 month is 0000-03-29 (year 0 is a leap year, proleptic Gregorian)", () => {
    expect(addDueOffset({ date: "0000-02-29", offset: { months: 1, days: 0 } })).toBe("0000-03-29");
    expect(addDueOffset({ date: "0000-02-28", offset: { months: 0, days: 1 } })).toBe("0000-02-29");
  });

  it("M4: a contract whose installment would fall after 9999-12-31 is refused, not paid early", () => {
    const contract = { id: "X", currency: "CNY", price: "100", payment: { type: "schedule", installments: [{ share: "1", due: { months: 1 } }] } };
    expect(() => evaluateContract(contract, [{ kind: "infusion", date: "9999-12-15" }], "9999-12-31")).toThrow(/supported calendar range/);
  });
});

describe("M5: time zones", () => {
  it(`M5: due dates are calendar-field arithmetic (TZ=${process.env.TZ ?? "host"}): 1994-12-31 + 1 day / 1 month`, () => {
    expect(addDueOffset({ date: "1994-12-31", offset: { months: 0, days: 1 } })).toBe("1995-01-01");
    expect(addDueOffset({ date: "1994-12-31", offset: { months: 1, days: 0 } })).toBe("1995-01-31");
    // every offset of a year of starts, against day-number arithmetic in UTC
    for (let k = 0; k < 366; k++) {
      const start = new Date(Date.UTC(1994, 0, 1 + k)).toISOString().slice(0, 10);
      const expected = new Date(Date.UTC(1994, 0, 1 + k + 45)).toISOString().slice(0, 10);
      expect(addDueOffset({ date: start, offset: { months: 0, days: 45 } })).toBe(expected);
    }
  });
});
