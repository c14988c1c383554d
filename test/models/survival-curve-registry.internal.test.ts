// The survival-curve registries cover exactly the types the schemas accept (reaches into
// src/models/survival-curves/: internal). A type added to a schema without a record, or a
// record whose schema is missing from the union, fails here.
import { describe, expect, it } from "vitest";
import { parametricSurvivalCurveSchema, survivalCurveSchema } from "../../src/models/survival-curves.js";
import { PARAMETRIC_CURVE_KINDS } from "../../src/models/survival-curves/parametric.js";
import { SURVIVAL_CURVE_KINDS, survivalCurveKindOf } from "../../src/models/survival-curves/registry.js";

interface Union {
  _zod: { def: { options: readonly { shape: { type: { value: unknown } } }[] } };
}
/** The `type` literals a discriminated union of strict objects accepts, in order. */
const tags = (schema: unknown) => (schema as Union)._zod.def.options.map((o) => o.shape.type.value);

describe("survival-curve registry", () => {
  it("lists the nine documented types, in the schema's order", () => {
    const all = ["exponential", "weibull", "log-logistic", "log-normal", "gompertz", "gamma", "generalised-gamma", "mixture-cure", "kaplan-meier"];
    expect(tags(survivalCurveSchema)).toEqual(all);
    expect(SURVIVAL_CURVE_KINDS.map((k) => k.type)).toEqual(all);
  });

  it("every type the schema accepts has a record, and the record is the one for that type", () => {
    for (const tag of tags(survivalCurveSchema)) expect(survivalCurveKindOf({ type: tag as string })?.type).toBe(tag);
  });

  it("each record's type is its own schema's literal, and each record's schema is the union's option", () => {
    const options = (survivalCurveSchema as unknown as Union)._zod.def.options;
    SURVIVAL_CURVE_KINDS.forEach((k, i) => {
      expect((k.schema as unknown as Union["_zod"]["def"]["options"][number]).shape.type.value).toBe(k.type);
      expect(options[i]).toBe(k.schema);
    });
  });

  it("the parametric union is every type but mixture-cure and kaplan-meier (a cure curve cannot nest itself or a step table)", () => {
    expect(tags(parametricSurvivalCurveSchema)).toEqual(PARAMETRIC_CURVE_KINDS.map((k) => k.type));
    expect(tags(parametricSurvivalCurveSchema)).toEqual(["exponential", "weibull", "log-logistic", "log-normal", "gompertz", "gamma", "generalised-gamma"]);
  });

  it("names in messages are distinct", () => {
    const names = SURVIVAL_CURVE_KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("a tag no record declares has no record, including Object.prototype's keys", () => {
    for (const tag of ["logistic", "", "toString", "__proto__", "constructor"]) expect(survivalCurveKindOf({ type: tag })).toBeUndefined();
  });
});
