// Order-of-benefit determination (NAIC Coordination of Benefits Model Regulation, section 6):
// each rule of the regulation on its own example, worked by hand from the rule's text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { determineBenefitOrder, DomainError, ORDER_RULES, type PlanCoverageInput } from "../../src/index.js";
import { domainError, issues } from "../typed-errors.js";

const order = (plans: PlanCoverageInput[], person = {}) => determineBenefitOrder({ plans, person });

describe("COB order of benefits (NAIC rules)", () => {
  it("the rules run in the regulation's order, each one file", () => {
    expect(ORDER_RULES.map((r) => r.id)).toEqual([
      "secondaryByLaw",
      "noCobProvision",
      "nonDependent",
      "courtDecree",
      "birthday",
      "custodialParent",
      "activeEmployee",
      "continuation",
      "lengthOfCoverage",
      "equalShares",
    ]);
  });

  it("NAIC B(1): a plan without a COB provision is primary, even over the plan covering the person as subscriber", () => {
    const r = order([
      { id: "employer", coveredAs: "subscriber" },
      { id: "individual-no-cob", coveredAs: "spouse", cobProvision: false },
    ]);
    expect(r.order).toEqual(["individual-no-cob", "employer"]);
    expect(r.pairs[0]!.rule).toBe("noCobProvision");
    expect(r.explanation[0]!.rule).toBe("tiers.coordination.order.no-cob-provision");
  });

  it("bad input: two plans without COB provisions both claim primacy — a typed error naming both", () => {
    const e = domainError(() =>
      order([
        { id: "b-plan", coveredAs: "subscriber", cobProvision: false },
        { id: "a-plan", coveredAs: "spouse", cobProvision: false },
      ]),
    );
    expect(e.code).toBe("INCONSISTENT_INPUT");
    expect(e.details).toEqual({ reason: "ambiguous_primacy", plans: ["a-plan", "b-plan"] });
    expect(e.path).toEqual(["plans", 1]);
    expect(e.message).toContain('"a-plan" and "b-plan" both claim primacy');
  });

  it("NAIC D(1): the plan covering the person as subscriber pays before the plan covering them as a spouse", () => {
    const r = order([
      { id: "wife-employer", coveredAs: "spouse", status: "active" },
      { id: "own-employer", coveredAs: "subscriber", status: "active" },
    ]);
    expect(r.order).toEqual(["own-employer", "wife-employer"]);
    expect(r.pairs).toEqual([expect.objectContaining({ rule: "nonDependent", first: "own-employer" })]);
  });

  it("NAIC D(1) Medicare exception: for a Medicare beneficiary the dependent plan pays before the retiree plan", () => {
    // Medicare is secondary to the spouse's active plan and primary to the retiree plan: the rule is reversed.
    const r = order(
      [
        { id: "retiree", coveredAs: "subscriber", status: "retired" },
        { id: "spouse-active", coveredAs: "spouse", status: "active" },
      ],
      { medicareReversesNonDependent: true },
    );
    expect(r.order).toEqual(["spouse-active", "retiree"]);
    expect(r.pairs[0]!.reason).toContain("reversed");
  });

  it("NAIC D(2)(a) birthday rule: month and day decide, not the year", () => {
    // Father born 1985-07-02 (older), mother 1987-03-14: 03-14 falls earlier in the year → mother's plan first.
    const r = order(
      [
        { id: "father", coveredAs: "child", parent: { birthDate: "1985-07-02" } },
        { id: "mother", coveredAs: "child", parent: { birthDate: "1987-03-14" } },
      ],
      { parents: "together" },
    );
    expect(r.order).toEqual(["mother", "father"]);
    expect(r.pairs[0]!.rule).toBe("birthday");
    expect(r.pairs[0]!.reason).toContain("03-14 before 07-02");
  });

  it("NAIC D(2)(a)(ii): the same birthday → the plan that has covered its parent longer", () => {
    const r = order(
      [
        { id: "p1", coveredAs: "child", parent: { birthDate: "1980-05-05", coveredSince: "2019-01-01" } },
        { id: "p2", coveredAs: "child", parent: { birthDate: "1983-05-05", coveredSince: "2012-06-01" } },
      ],
      { parents: "together" },
    );
    expect(r.order).toEqual(["p2", "p1"]);
  });

  it("bad input: the birthday rule is needed but a parent's birth date is missing", () => {
    const found = issues(() =>
      order(
        [
          { id: "father", coveredAs: "child", parent: { birthDate: "1985-07-02" } },
          { id: "mother", coveredAs: "child" },
        ],
        { parents: "together" },
      ),
    );
    expect(found).toEqual([expect.objectContaining({ path: ["plans", 1, "parent", "birthDate"], code: "missing_birth_date" })]);
  });

  it("bad input: two plans cover a dependent child but the parents' situation is not given", () => {
    const found = issues(() =>
      order([
        { id: "a", coveredAs: "child", parent: { birthDate: "1985-07-02" } },
        { id: "b", coveredAs: "child", parent: { birthDate: "1987-03-14" } },
      ]),
    );
    expect(found[0]).toMatchObject({ path: ["person", "parents"], code: "missing_parents" });
  });

  it("NAIC D(2)(b)(i): parents apart, a court decree makes the father responsible → his plan first though the mother has custody", () => {
    const r = order(
      [
        { id: "mother", coveredAs: "child", parent: { birthDate: "1987-03-14", custody: "custodialParent" } },
        { id: "father", coveredAs: "child", parent: { birthDate: "1985-07-02", custody: "nonCustodialParent", decreeResponsible: true } },
      ],
      { parents: "apart", courtDecree: "oneParentResponsible" },
    );
    expect(r.order).toEqual(["father", "mother"]);
    expect(r.pairs[0]!.rule).toBe("courtDecree");
  });

  it("NAIC D(2)(b)(ii)–(iii): a decree making both parents responsible, or joint custody, falls back on the birthday rule", () => {
    for (const courtDecree of ["bothResponsible", "jointCustody"] as const) {
      const r = order(
        [
          { id: "mother", coveredAs: "child", parent: { birthDate: "1987-09-30", custody: "custodialParent" } },
          { id: "father", coveredAs: "child", parent: { birthDate: "1985-01-20", custody: "nonCustodialParent" } },
        ],
        { parents: "apart", courtDecree },
      );
      expect(r.order).toEqual(["father", "mother"]);
      expect(r.pairs[0]!.rule).toBe("birthday");
    }
  });

  it("NAIC D(2)(b)(iv): no decree → custodial parent, custodial parent's spouse, non-custodial parent, then that parent's spouse", () => {
    const r = order(
      [
        { id: "stepmother", coveredAs: "child", parent: { custody: "spouseOfNonCustodialParent" } },
        { id: "father", coveredAs: "child", parent: { custody: "nonCustodialParent" } },
        { id: "stepfather", coveredAs: "child", parent: { custody: "spouseOfCustodialParent" } },
        { id: "mother", coveredAs: "child", parent: { custody: "custodialParent" } },
      ],
      { parents: "apart" },
    );
    expect(r.order).toEqual(["mother", "stepfather", "father", "stepmother"]);
    expect(new Set(r.pairs.map((p) => p.rule))).toEqual(new Set(["custodialParent"]));
    expect(r.pairs).toHaveLength(6);
  });

  it("bad input: parents apart with no decree and a plan that does not say whose it is", () => {
    const found = issues(() => order([{ id: "a", coveredAs: "child", parent: { custody: "custodialParent" } }, { id: "b", coveredAs: "child" }], { parents: "apart" }));
    expect(found[0]).toMatchObject({ path: ["plans", 1, "parent", "custody"], code: "missing_custody" });
  });

  it("bad input: a decree for one parent that both plans claim", () => {
    const e = domainError(() =>
      order(
        [
          { id: "a", coveredAs: "child", parent: { decreeResponsible: true } },
          { id: "b", coveredAs: "child", parent: { decreeResponsible: true } },
        ],
        { parents: "apart", courtDecree: "oneParentResponsible" },
      ),
    );
    expect(e.details.reason).toBe("conflicting_decree");
  });

  it("NAIC D(3): active employee before retired or laid-off", () => {
    expect(order([{ id: "retiree", coveredAs: "subscriber", status: "retired" }, { id: "job", coveredAs: "subscriber", status: "active" }]).order).toEqual(["job", "retiree"]);
    expect(order([{ id: "laid-off", coveredAs: "subscriber", status: "laidOff" }, { id: "job", coveredAs: "subscriber", status: "active" }]).pairs[0]!.rule).toBe("activeEmployee");
  });

  it("NAIC D(4): COBRA continuation coverage pays after the plan of the new job", () => {
    const r = order([
      { id: "cobra", coveredAs: "subscriber", continuation: true, coveredSince: "2010-01-01" },
      { id: "new-job", coveredAs: "subscriber", coveredSince: "2026-02-01" },
    ]);
    expect(r.order).toEqual(["new-job", "cobra"]);
    expect(r.pairs[0]!.rule).toBe("continuation");
  });

  it("NAIC D(5): the plan that has covered the person longer pays first", () => {
    const r = order([
      { id: "second-job", coveredAs: "subscriber", status: "active", coveredSince: "2021-04-01" },
      { id: "first-job", coveredAs: "subscriber", status: "active", coveredSince: "2015-09-01" },
    ]);
    expect(r.order).toEqual(["first-job", "second-job"]);
    expect(r.pairs[0]!.rule).toBe("lengthOfCoverage");
  });

  it("NAIC D(6): nothing orders them → equal shares, one position", () => {
    const r = order([
      { id: "b", coveredAs: "subscriber", coveredSince: "2020-01-01" },
      { id: "a", coveredAs: "subscriber", coveredSince: "2020-01-01" },
    ]);
    expect(r.positions).toEqual([["a", "b"]]);
    expect(r.pairs[0]).toMatchObject({ rule: "equalShares", first: null });
    expect(r.explanation.at(-1)!.text).toContain("a and b (equal shares)");
  });

  it("bad input: length of coverage needed but not given", () => {
    const found = issues(() => order([{ id: "a", coveredAs: "subscriber", coveredSince: "2020-01-01" }, { id: "b", coveredAs: "subscriber" }]));
    expect(found[0]).toMatchObject({ path: ["plans", 1, "coveredSince"], code: "missing_covered_since" });
  });

  it("a plan secondary by law (Medicare) pays after the employer plan", () => {
    const r = order([
      { id: "medicare", coveredAs: "subscriber", secondaryByLaw: true, coveredSince: "2019-01-01" },
      { id: "employer", coveredAs: "spouse", status: "active" },
    ]);
    expect(r.order).toEqual(["employer", "medicare"]);
  });

  it("bad input: a duplicate plan id, a single plan, unknown keys", () => {
    expect(domainError(() => order([{ id: "a", coveredAs: "subscriber" }, { id: "a", coveredAs: "spouse" }])).path).toEqual(["plans", 1, "id"]);
    expect(issues(() => order([{ id: "a", coveredAs: "subscriber" }]))[0]!.path).toEqual(["plans"]);
    expect(issues(() => order([{ id: "a", coveredAs: "subscriber", birthday: "x" } as never, { id: "b", coveredAs: "spouse" }]))[0]!.path).toEqual(["plans", 0, "birthday"]);
  });

  it("bad input: pairwise verdicts that go in a circle (birthday, active, continuation)", () => {
    // A before B by the birthday rule; B (active) before C (retired); C before A (A is continuation coverage).
    const e = domainError(() =>
      order(
        [
          { id: "A", coveredAs: "child", continuation: true, parent: { birthDate: "1980-03-01" } },
          { id: "B", coveredAs: "child", status: "active", parent: { birthDate: "1980-05-01" } },
          { id: "C", coveredAs: "spouse", status: "retired" },
        ],
        { parents: "together" },
      ),
    );
    expect([e.code, e.details.reason, e.details.plans]).toEqual(["INCONSISTENT_INPUT", "circular_order", ["A", "B", "C"]]);
  });

  it("ids such as __proto__ and constructor are plain ids", () => {
    expect(order([{ id: "constructor", coveredAs: "spouse" }, { id: "__proto__", coveredAs: "subscriber" }]).order).toEqual(["__proto__", "constructor"]);
  });

  it("family of three plans: three rules in one ranking, explained pair by pair from the primary down", () => {
    const r = order(
      [
        { id: "dad", coveredAs: "child", status: "active", parent: { birthDate: "1980-11-02" } },
        { id: "own", coveredAs: "subscriber", status: "active", coveredSince: "2025-06-01" },
        { id: "mum", coveredAs: "child", status: "active", parent: { birthDate: "1982-02-17" } },
      ],
      { parents: "together" },
    );
    expect(r.order).toEqual(["own", "mum", "dad"]);
    expect(r.pairs.map((p) => `${p.plans.join("/")}:${p.rule}`)).toEqual(["mum/own:nonDependent", "dad/own:nonDependent", "dad/mum:birthday"]);
  });
});

// Random coverage facts, complete enough that every pair is ordered or tied.
const dateArb = fc.integer({ min: 0, max: 3 }).map((k) => ["2010-01-01", "2015-05-05", "2015-05-05", "2020-12-31"][k]!);
const coverageArb = (id: string): fc.Arbitrary<PlanCoverageInput> =>
  fc.record({
    id: fc.constant(id),
    coveredAs: fc.constantFrom("subscriber" as const, "spouse" as const, "child" as const),
    cobProvision: fc.constantFrom(true, true, true, false),
    secondaryByLaw: fc.constantFrom(false, false, true),
    status: fc.constantFrom("active" as const, "retired" as const, "laidOff" as const, undefined),
    continuation: fc.boolean(),
    coveredSince: dateArb,
    parent: fc.record({
      birthDate: fc.constantFrom("1980-03-14", "1984-03-14", "1979-07-02", "1990-12-01"),
      coveredSince: dateArb,
      custody: fc.constantFrom("custodialParent" as const, "spouseOfCustodialParent" as const, "nonCustodialParent" as const, "spouseOfNonCustodialParent" as const),
      decreeResponsible: fc.boolean(),
    }),
  }).map((c) => (c.status === undefined ? (({ status: _s, ...rest }) => rest)(c) : c));
const personArb = fc.record({
  parents: fc.constantFrom("together" as const, "apart" as const),
  courtDecree: fc.constantFrom("oneParentResponsible" as const, "bothResponsible" as const, "jointCustody" as const, undefined),
  medicareReversesNonDependent: fc.boolean(),
}).map((p) => (p.courtDecree === undefined ? (({ courtDecree: _c, ...rest }) => rest)(p) : p));
const plansArb = fc.integer({ min: 2, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => coverageArb(`plan-${i}`))));

function outcome(f: () => unknown): unknown {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, details: e.details };
    if (e instanceof Error && e.name === "ValidationError") return { validation: true };
    throw e;
  }
}

describe("COB order: properties", () => {
  it("the order (and its explanation) does not depend on the order plans are listed in", () => {
    fc.assert(
      fc.property(plansArb, personArb, fc.integer({ min: 0, max: 1_000_000 }), (plans, person, seed) => {
        const shuffled = [...plans];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) % 2147483648;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const a = outcome(() => determineBenefitOrder({ plans, person }));
        const b = outcome(() => determineBenefitOrder({ plans: shuffled, person }));
        expect(b).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it("every plan appears exactly once; a plan earlier in the order is never beaten by a later one", () => {
    fc.assert(
      fc.property(plansArb, personArb, (plans, person) => {
        const r = outcome(() => determineBenefitOrder({ plans, person })) as { ok?: ReturnType<typeof determineBenefitOrder> };
        if (r.ok === undefined) return;
        expect([...r.ok.order].sort()).toEqual(plans.map((p) => p.id).sort());
        const pos = new Map(r.ok.positions.flatMap((g, k) => g.map((id) => [id, k] as const)));
        for (const p of r.ok.pairs) {
          if (p.first === null) continue;
          const loser = p.plans[0] === p.first ? p.plans[1] : p.plans[0];
          expect(pos.get(p.first)!).toBeLessThan(pos.get(loser)!);
        }
      }),
      { numRuns: 300 },
    );
  });
});
