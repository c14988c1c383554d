// Run-time checks from the consumer side (issue 21 items 1–2), on the installed tarball:
// every subpath loads through import and require, the chapters and the root hand out the
// same functions and classes (shared chunks, no duplicate module state), and the
// library's schemas compose inside the consumer's own zod — here a second, separate copy
// of zod, as npm installs when the consumer's zod range does not overlap ours.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import * as z from "zod";

const require = createRequire(import.meta.url);
const chapters = ["core", "money", "valuation", "models", "contracts", "tiers", "budget", "care", "cohort", "plots"];
const rootEsm = await import("precision-vbp");
const rootCjs = require("precision-vbp");
for (const c of chapters) {
  const esm = await import(`precision-vbp/${c}`);
  const cjs = require(`precision-vbp/${c}`);
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort(), `${c}: ESM and CJS export the same names`);
  assert.ok(Object.keys(esm).length > 0, `${c} exports something`);
  for (const [name, value] of Object.entries(esm)) {
    assert.equal(rootEsm[name], value, `precision-vbp/${c} and precision-vbp export the same ${name} (ESM)`);
    assert.equal(rootCjs[name], cjs[name], `precision-vbp/${c} and precision-vbp export the same ${name} (CJS)`);
  }
}
// A DomainError thrown by one chapter is an instance of the class another chapter exports.
const { money, add } = await import("precision-vbp/money");
const { DomainError } = await import("precision-vbp/core");
assert.throws(() => add(money("1", "CNY"), money("1", "USD")), (e) => e instanceof DomainError && e.code === "CURRENCY_MISMATCH");

// The consumer's zod is not the library's (two copies on disk).
const ours = require.resolve("zod", { paths: [require.resolve("precision-vbp")] });
assert.notEqual(require.resolve("zod"), ours, "the consumer has its own copy of zod");
const { coveragePlanSchema } = await import("precision-vbp/tiers");
const envelope = z.strictObject({ claimId: z.string().min(1), plan: coveragePlanSchema });
const parsed = envelope.parse({ claimId: "c-1", plan: { currency: "CNY", layers: [{ kind: "basic", rate: "0.7" }] } });
assert.equal(parsed.plan.currency, "CNY");
const bad = envelope.safeParse({ claimId: "c-2", plan: { currency: "CNY", layers: [{ kind: "lottery", rate: "0.7" }] } });
assert.equal(bad.success, false);
assert.deepEqual(bad.error.issues[0].path.slice(0, 3), ["plan", "layers", 0]);
console.log(`consumer run-time checks passed (${chapters.length} subpaths, ESM + CJS, zod composition across two copies)`);
