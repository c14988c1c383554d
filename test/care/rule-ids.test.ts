import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { followUpStatus, listingStatus } from "../../src/index.js";
import { H3_LISTING, H5_EVENTS, H5_SCHEDULE } from "./fixtures.js";

// docs/architecture.md "Naming rule" 4: rule ids are dotted paths, every segment kebab case.
const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("care rule ids are kebab case", () => {
  it("every literal id in src/care, src/core and src/kernel is a kebab-case dotted path", () => {
    const bad: string[] = [];
    for (const file of ["src/care", "src/core", "src/kernel"].flatMap(sources)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:step\(\s*|rule:\s*)["`]((?:care|core|kernel)\.[^"`]*)["`]/g)) {
        // An id built from a user-chosen code (care.unbundling.<package code>) keeps the code verbatim.
        const id = m[1]!.replace(/\$\{p\.code\}$/, "code");
        if (!KEBAB_ID.test(id.replace(/\$\{[^}]+\}/g, "x"))) bad.push(`${file}: ${m[1]}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("a listing decision of kind adjustRate explains itself as care.listing.adjust-rate", () => {
    const r = listingStatus({ listing: H3_LISTING, asOf: "2030-03-01" });
    const rules = r.explanation.map((s) => s.rule);
    expect(rules).toContain("care.listing.adjust-rate");
    expect(rules).toContain("care.listing.renegotiate");
    expect(rules).toContain("care.listing.delist");
    for (const rule of rules) expect(rule).toMatch(KEBAB_ID);
  });

  it("follow-up steps are care.follow-up.<status>", () => {
    const r = followUpStatus({ schedule: H5_SCHEDULE, treatmentStart: "2026-01-15", events: H5_EVENTS, asOf: "2027-03-01" });
    const rules = r.explanation.map((s) => s.rule);
    expect(rules[0]).toBe("care.follow-up.schedule");
    expect(rules).toContain("care.follow-up.done");
    expect(rules).toContain("care.follow-up.missed");
    expect(rules).toContain("care.follow-up.adherence");
    for (const rule of rules) expect(rule).toMatch(KEBAB_ID);
  });
});
