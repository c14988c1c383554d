// The condition registry covers the condition schema: every `type` the union accepts has
// a record, the record's schema is the union member that accepts it, and a milestone is
// any condition but a deadline. A schema that names a type no record declares (say
// `z.enum(["none", "some", "atLeastOne"])` with no `atLeastOne` record) fails here rather
// than reaching the dispatch with a type it cannot check.
import { describe, expect, it } from "vitest";
import { kindLookup } from "../../src/kernel/kind-registry.js";
import { CONDITION_KINDS, conditionSchema } from "../../src/contracts/conditions/registry.js";
import { MILESTONE_KINDS, milestoneSchema } from "../../src/contracts/conditions/milestones.js";
import { parseContract } from "../../src/index.js";

type Member = { readonly _zod: { readonly propValues: { readonly type: ReadonlySet<string> } } };
type Union = { readonly _zod: { readonly def: { readonly options: readonly Member[] } } };

/** Each member of a discriminated union with the `type` values it accepts. */
function members(schema: unknown): { member: Member; types: string[] }[] {
  return (schema as Union)._zod.def.options.map((member) => ({ member, types: [...member._zod.propValues.type] }));
}

describe("condition registry", () => {
  it("every type the condition schema accepts has a record, whose schema is the member that accepts it", () => {
    const kindOf = kindLookup(CONDITION_KINDS);
    const seen: string[] = [];
    for (const { member, types } of members(conditionSchema)) {
      for (const type of types) {
        const record = kindOf(type);
        expect(record, `condition type "${type}" has no record in conditions/registry.ts`).toBeDefined();
        expect(record!.schema).toBe(member);
        seen.push(type);
      }
    }
    // By hand: the five types of docs/contracts.md, in the union's order.
    expect(seen).toEqual(["none", "some", "count", "sustained", "byDeadline"]);
    expect(CONDITION_KINDS.map((k) => k.type)).toEqual(seen);
  });

  it("a milestone is any condition type but byDeadline", () => {
    const types = members(milestoneSchema).flatMap((m) => m.types);
    expect(types).toEqual(["none", "some", "count", "sustained"]);
    expect(MILESTONE_KINDS.map((k) => k.type)).toEqual(types);
  });

  it("each record prepares its own type (the dispatch reaches every record)", () => {
    const byDeadline = { type: "byDeadline", by: { days: 30 }, milestone: { type: "some", events: ["assessment"] } };
    const conditions = [
      { type: "none", events: ["death"] },
      { type: "some", events: ["assessment"] },
      { type: "count", events: ["crs"], atMost: 1 },
      { type: "sustained", evidence: ["assessment"], for: { months: 6 } },
      byDeadline,
    ];
    const c = parseContract({ id: "R", currency: "CNY", price: "100.00", payment: { type: "schedule", installments: [{ share: "1", due: { months: 12 }, conditions }] } });
    const parsed = (c.payment as { installments: readonly { conditions: readonly { type: string; label: string }[] }[] }).installments[0]!.conditions;
    expect(parsed.map((p) => p.type)).toEqual(["none", "some", "count", "sustained", "byDeadline"]);
    // The labels each record words (worked from the wording rules, not copied from output).
    expect(parsed.map((p) => p.label)).toEqual([
      "no death since treatment start",
      "assessment recorded since treatment start",
      "at most 1 CRS since treatment start",
      "assessment sustained for 6 months",
      "assessment recorded since treatment start by 30 days after treatment start",
    ]);
  });
});
