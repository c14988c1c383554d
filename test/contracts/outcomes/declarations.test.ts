// Outcome declarations, event validation against them, and attribute tests.
import { describe, expect, it } from "vitest";
import { parseOutcomeDeclarations, validateOutcomeEvents } from "../../../src/index.js";
import { attributesPass, prepareAttributeTests, attributeTestsSchema } from "../../../src/contracts/outcomes/attribute-tests.js";
import { issues } from "../../typed-errors.js";
import type { Issue } from "../../../src/index.js";

const OUTCOMES = {
  transfusionIndependence: { label: "transfusion independence assessment", attributes: { independent: { type: "boolean" } } },
  hospitalisation: { attributes: { days: { type: "integer", min: 0 } } },
  labResult: { attributes: { test: { type: "enum", values: ["haemoglobin", "platelets"] }, value: { type: "number" }, unit: { type: "string" } } },
  haemoglobin: { attributes: { value: { type: "number", unit: "g/dL", min: 0 } } },
  mrdNegative: {},
  ventilatorFree: { attributes: { note: { type: "string", optional: true } } },
  cycleAdministered: { attributes: { cycle: { type: "integer", min: 1 } } },
};

describe("outcome declarations", () => {
  it("declares the issue's example kinds", () => {
    const o = parseOutcomeDeclarations(OUTCOMES);
    expect([...o.kinds.keys()]).toEqual(Object.keys(OUTCOMES));
    expect(o.kinds.get("haemoglobin")!.attributes.get("value")!.unit).toBe("g/dL");
    expect(o.kinds.get("mrdNegative")!.attributes.size).toBe(0);
  });

  it("a built-in kind cannot be redeclared", () => {
    expect(issues(() => parseOutcomeDeclarations({ death: {} }))).toEqual([expect.objectContaining({ path: ["death"], message: expect.stringContaining("built-in") })]);
  });

  it("names: a kind called constructor works, __proto__ and junk names are typed errors", () => {
    const o = parseOutcomeDeclarations({ constructor: { attributes: { toString: { type: "boolean" } } } });
    expect(o.kinds.get("constructor")!.attributes.has("toString")).toBe(true);
    expect(issues(() => parseOutcomeDeclarations(JSON.parse('{"__proto__": {}}'))).map((i) => i.path)).toEqual([["__proto__"]]);
    expect(issues(() => parseOutcomeDeclarations({ "bad kind": {} }))[0]!.path).toEqual(["bad kind"]);
  });

  it("bad attribute declarations name their path", () => {
    expect(issues(() => parseOutcomeDeclarations({ x: { attributes: { n: { type: "integer", min: 5, max: 1 } } } }))[0]!.path).toEqual(["x", "attributes", "n", "max"]);
    expect(issues(() => parseOutcomeDeclarations({ x: { attributes: { n: { type: "enum", values: ["a", "a"] } } } }))[0]!.path).toEqual(["x", "attributes", "n", "values"]);
    expect(issues(() => parseOutcomeDeclarations({ x: { attributes: { n: { type: "float" } } } }))[0]!.path).toEqual(["x", "attributes", "n", "type"]);
    expect(issues(() => parseOutcomeDeclarations({ x: { attributes: { n: { type: "number", min: "abc" } } } }))[0]!.path).toEqual(["x", "attributes", "n", "min"]);
    expect(issues(() => parseOutcomeDeclarations({ x: { colour: "red" } }))[0]!.path).toEqual(["x", "colour"]);
  });
});

describe("events of declared kinds", () => {
  const ok = [
    { kind: "infusion", date: "2026-01-10" },
    { kind: "hospitalisation", date: "2026-02-01", attributes: { days: 4 } },
    { kind: "labResult", date: "2026-03-01", attributes: { test: "haemoglobin", value: "11.2", unit: "g/dL" } },
    { kind: "haemoglobin", date: "2026-03-01", attributes: { value: 9.5 } },
    { kind: "mrdNegative", date: "2026-04-01" },
    { kind: "ventilatorFree", date: "2026-04-02", attributes: {} },
    { kind: "cycleAdministered", date: "2026-04-03", attributes: { cycle: 1 }, note: "day ward" },
  ];

  it("well-formed events pass", () => {
    expect(validateOutcomeEvents({ outcomes: OUTCOMES, events: ok })).toHaveLength(ok.length);
  });

  it("an undeclared kind is a typed error naming the kind, with a did-you-mean", () => {
    const [i] = issues(() => validateOutcomeEvents({ outcomes: OUTCOMES, events: [{ kind: "hospitalization", date: "2026-02-01", attributes: { days: 4 } }] }));
    expect(i).toMatchObject({ path: ["events", 0, "kind"], code: "invalid_union_discriminator" });
    expect(i!.message).toContain('"hospitalization"');
    expect(i!.message).toContain('did you mean "hospitalisation"');
    expect(i!.message).toContain("not declared by the contract");
  });

  it("attributes of the wrong type, missing, unknown or out of range: path and kind named", () => {
    const found = issues(() =>
      validateOutcomeEvents({
        outcomes: OUTCOMES,
        events: [
          { kind: "hospitalisation", date: "2026-02-01", attributes: { days: "4" } },
          { kind: "hospitalisation", date: "2026-02-01", attributes: { days: 2.5 } },
          { kind: "hospitalisation", date: "2026-02-01", attributes: { days: -1 } },
          { kind: "hospitalisation", date: "2026-02-01" },
          { kind: "labResult", date: "2026-03-01", attributes: { test: "ferritin", value: "abc", unit: "g/dL", when: "am" } },
          { kind: "transfusionIndependence", date: "2026-03-01", attributes: { independent: "yes" } },
          { kind: "mrdNegative", date: "2026-13-01", days: 3 },
          { kind: "haemoglobin", date: "2026-03-01", attributes: [] },
        ],
      }),
    );
    const at = (i: { path: readonly (string | number)[] }) => i.path.join(".");
    expect(found.map(at)).toEqual([
      "events.0.attributes.days",
      "events.1.attributes.days",
      "events.2.attributes.days",
      "events.3.attributes.days",
      "events.4.attributes.test",
      "events.4.attributes.value",
      "events.4.attributes.when",
      "events.5.attributes.independent",
      "events.6.date",
      "events.6.days",
      "events.7.attributes",
    ]);
    expect(found[0]!.message).toBe('hospitalisation.days: expected a whole number, got "4"');
    expect(found[2]).toMatchObject({ code: "too_small", message: "hospitalisation.days: -1 is below the declared minimum 0" });
    expect(found[3]!.message).toBe("hospitalisation.days is required (a whole number)");
    expect(found[4]!.message).toContain('one of "haemoglobin", "platelets"');
    expect(found[6]!.message).toContain("labResult has no attribute \"when\"");
  });
});

describe("attribute tests", () => {
  const o = parseOutcomeDeclarations(OUTCOMES);
  const prep = (kind: string, where: unknown) => {
    const list: Issue[] = [];
    const tests = prepareAttributeTests(o.kinds.get(kind)!, attributeTestsSchema.parse(where), ["where"], list);
    return { tests, list };
  };

  it("ranges with inclusive and exclusive bounds, compared exactly", () => {
    const { tests, list } = prep("haemoglobin", { value: { gte: "9.5", lt: 12, unit: "g/dL" } });
    expect(list).toEqual([]);
    expect(tests[0]!.text).toBe("value ≥ 9.5 g/dL and value < 12 g/dL");
    const pass = (v: unknown) => attributesPass(tests, { value: v });
    expect([pass(9.5), pass("9.50"), pass("9.4999999999999999999"), pass(11.99), pass(12), pass("12.000")]).toEqual([true, true, false, true, false, false]);
    const open = prep("haemoglobin", { value: { gt: 9.5, lte: "12" } }).tests;
    expect([attributesPass(open, { value: 9.5 }), attributesPass(open, { value: 12 })]).toEqual([false, true]);
  });

  it("equals and in on enums, booleans and integers; an absent optional attribute matches nothing", () => {
    expect(attributesPass(prep("labResult", { test: { equals: "haemoglobin" } }).tests, { test: "haemoglobin" })).toBe(true);
    expect(attributesPass(prep("labResult", { test: { in: ["platelets"] } }).tests, { test: "haemoglobin" })).toBe(false);
    expect(attributesPass(prep("transfusionIndependence", { independent: { equals: true } }).tests, { independent: false })).toBe(false);
    expect(attributesPass(prep("hospitalisation", { days: { in: [3, 4] } }).tests, { days: 4 })).toBe(true);
    expect(attributesPass(prep("ventilatorFree", { note: { equals: "x" } }).tests, {})).toBe(false);
  });

  it("tests that do not fit the declaration are issues at their path", () => {
    expect(prep("labResult", { test: { equals: "ferritin" } }).list[0]).toMatchObject({ path: ["where", "test", "equals"], code: "invalid_type" });
    expect(prep("labResult", { test: { gte: 3 } }).list[0]).toMatchObject({ path: ["where", "test"], message: expect.stringContaining("a range needs an integer or number") });
    expect(prep("labResult", { colour: { equals: "x" } }).list[0]).toMatchObject({ path: ["where", "colour"], code: "unknown_attribute" });
    expect(prep("haemoglobin", { value: { gte: 9, unit: "mmol/L" } }).list[0]).toMatchObject({ path: ["where", "value", "unit"], code: "unit_mismatch" });
    expect(prep("haemoglobin", { value: { gte: 12, lt: 12 } }).list[0]).toMatchObject({ code: "empty_range" });
    expect(prep("transfusionIndependence", { independent: { in: [true] } }).list[0]).toMatchObject({ path: ["where", "independent", "in"] });
    expect(prep("hospitalisation", { days: { equals: 2.5 } }).list[0]).toMatchObject({ path: ["where", "days", "equals"] });
    expect(() => attributeTestsSchema.parse({ days: { equals: 1, gte: 1 } })).toThrow();
    expect(() => attributeTestsSchema.parse({ days: { gt: 1, gte: 1 } })).toThrow();
  });
});
