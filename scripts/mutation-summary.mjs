// Summarises a Stryker JSON report per module (src/<module>/): killed, survived,
// timeout, no coverage, ignored, and the mutation score Stryker reports
// (detected / (detected + undetected); ignored mutants are left out).
//
//   node scripts/mutation-summary.mjs [report.json] [--survivors] [--without <test-file-part>] [--min-score <percent>]
//
// --min-score exits with status 1 when a module scores below its floor (one percentage, or module=percent pairs)
// (CI uses it on the money run).
// --survivors lists every surviving / uncovered mutant (file:line, mutator, replacement).
// --without counts as surviving any mutant killed only by tests whose file path contains
// the given text (meaningful for reports made with --disableBail, where killedBy lists
// every killing test): the score the suite had before those tests were added.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const valued = new Set(["--without", "--min-score"]);
const file = args.find((a, i) => !a.startsWith("--") && !valued.has(args[i - 1] ?? "")) ?? "reports/mutation/mutation.json";
const showSurvivors = args.includes("--survivors");
const withoutAt = args.indexOf("--without");
const without = withoutAt === -1 ? null : args[withoutAt + 1];
// --min-score 85 holds every module to 85 %; --min-score money=85,core=70 sets a floor per
// module (a module not named is not checked).
const minAt = args.indexOf("--min-score");
const minText = minAt === -1 ? null : String(args[minAt + 1] ?? "");
const minFor = new Map();
let minScore = null;
if (minText !== null) {
  if (minText.includes("=")) {
    for (const part of minText.split(",")) {
      const [mod, pct] = part.split("=");
      if (!mod || !Number.isFinite(Number(pct))) throw new Error(`--min-score: "${part}" is not module=percent`);
      minFor.set(mod, Number(pct));
    }
  } else {
    minScore = Number(minText);
    if (!Number.isFinite(minScore)) throw new Error("--min-score needs a percentage, e.g. --min-score 85 or money=85,core=70");
  }
}

const report = JSON.parse(readFileSync(file, "utf8"));
const testFileOf = new Map();
for (const [path, tf] of Object.entries(report.testFiles ?? {})) for (const t of tf.tests) testFileOf.set(t.id, path);

const modules = new Map();
const survivors = [];
for (const [path, f] of Object.entries(report.files)) {
  const mod = path.replace(/^src\/([^/]+)\/.*$/, "$1");
  const m = modules.get(mod) ?? { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, Ignored: 0, RuntimeError: 0, CompileError: 0, Pending: 0 };
  for (const mutant of f.mutants) {
    let status = mutant.status;
    if (without !== null && status === "Killed") {
      const killers = (mutant.killedBy ?? []).map((id) => testFileOf.get(id) ?? "");
      if (killers.length > 0 && killers.every((p) => p.includes(without))) status = "Survived";
    }
    m[status] = (m[status] ?? 0) + 1;
    if (status === "Survived" || status === "NoCoverage") {
      survivors.push(`${path}:${mutant.location.start.line}:${mutant.location.start.column} ${status} ${mutant.mutatorName} ${JSON.stringify(mutant.replacement ?? "")}`);
    }
  }
  modules.set(mod, m);
}

const rows = [["module", "killed", "timeout", "survived", "no cov.", "ignored", "errors", "score %"]];
const total = { Killed: 0, Survived: 0, Timeout: 0, NoCoverage: 0, Ignored: 0, RuntimeError: 0, CompileError: 0 };
for (const [mod, m] of [...modules].sort()) {
  for (const k of Object.keys(total)) total[k] += m[k] ?? 0;
  rows.push(row(mod, m));
}
rows.push(row("total", total));
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? String(c).padEnd(12) : String(c).padStart(9))).join(""));
if (showSurvivors) for (const s of survivors.sort()) console.log(s);
if (minText !== null) {
  const floorOf = (mod) => (minScore !== null ? minScore : minFor.get(mod));
  const low = rows.slice(1, -1).filter((r) => r[7] !== "n/a" && floorOf(r[0]) !== undefined && Number(r[7]) < floorOf(r[0]));
  for (const r of low) console.log(`module ${r[0]} scores ${r[7]} %, below ${floorOf(r[0])} %`);
  if (low.length > 0) process.exitCode = 1;
}

function row(name, m) {
  const detected = m.Killed + m.Timeout;
  const undetected = m.Survived + m.NoCoverage;
  const score = detected + undetected === 0 ? "n/a" : ((100 * detected) / (detected + undetected)).toFixed(2);
  return [name, m.Killed, m.Timeout, m.Survived, m.NoCoverage, m.Ignored, (m.RuntimeError ?? 0) + (m.CompileError ?? 0), score];
}
