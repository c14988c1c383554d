// Cold start (issue 22 item 1): importing the built package in a fresh process, against
// importing zod + decimal.js alone, in alternating fresh processes of one run; then the
// time to a first money() and a first evaluateContract in the package's process.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchRow } from "./harness.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const built = pathToFileURL(join(root, "dist", "index.js")).href;
const k1 = join(root, "examples", "data", "k1-contract.json");

/** Runs `body` as an ES module in a fresh node process (cwd = the package, so bare imports resolve) and returns its JSON line. */
function child(body: string): Record<string, number> {
  const prelude = `const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const w0 = performance.now(), c0 = cpu();
const mark = () => ({ wall: performance.now() - w0, cpu: cpu() - c0 });`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", `${prelude}\n${body}`], { cwd: root, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as Record<string, number>;
}

const BASE = `await import("zod"); await import("decimal.js"); const a = mark(); console.log(JSON.stringify({ wall: a.wall, cpu: a.cpu }));`;
const LIB = `const lib = await import(${JSON.stringify(built)}); const a = mark();
lib.money("1200000.00"); const b = mark();
const fs = await import("node:fs");
const contract = lib.parseContract(JSON.parse(fs.readFileSync(${JSON.stringify(k1)}, "utf8")));
const events = [{ kind: "infusion", date: "2026-01-15" }];
// positional today; a named-argument form (one input object) is taken too if the contracts chapter moves to it
if (lib.evaluateContract.length >= 3) lib.evaluateContract(contract, events, "2026-12-31"); else lib.evaluateContract({ contract, events, asOf: "2026-12-31" });
const c = mark();
console.log(JSON.stringify({ wall: a.wall, cpu: a.cpu, moneyWall: b.wall - a.wall, moneyCpu: b.cpu - a.cpu, evalWall: c.wall - b.wall, evalCpu: c.cpu - b.cpu }));`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f1 = (x: number) => `${x.toFixed(1)} ms`;

export async function bench(): Promise<BenchRow[]> {
  const samples = Number(process.env.COLD_SAMPLES ?? 9);
  child(BASE); // warm the file-system cache for both
  child(LIB);
  const base: Record<string, number>[] = [];
  const lib: Record<string, number>[] = [];
  for (let i = 0; i < samples; i++) {
    base.push(child(BASE));
    lib.push(child(LIB));
  }
  const ratio = (k: string) => median(lib.map((l, i) => l[k]! / base[i]![k]!));
  const rows: BenchRow[] = [
    {
      name: "cold start: import the package in a fresh process",
      result: `${f1(median(lib.map((l) => l.cpu!)))} CPU, ${f1(median(lib.map((l) => l.wall!)))} wall; ${ratio("cpu").toFixed(2)}× (CPU) and ${ratio("wall").toFixed(2)}× (wall) the import of zod + decimal.js alone (${f1(median(base.map((b) => b.cpu!)))} CPU, ${f1(median(base.map((b) => b.wall!)))} wall)`,
      note: `dist/index.js by dynamic import, timed inside each process from just before the import; ${samples} fresh processes each, alternating package / baseline; ratio = median of per-pair ratios; target ≤ 1.3×`,
    },
    {
      name: "cold start: a first money() after the import",
      result: `${f1(median(lib.map((l) => l.moneyCpu!)))} CPU, ${f1(median(lib.map((l) => l.moneyWall!)))} wall`,
      note: `money("1200000.00") in the fresh process; median of ${samples}`,
    },
    {
      name: "cold start: a first parseContract + evaluateContract (K1, one patient) after the import",
      result: `${f1(median(lib.map((l) => l.evalCpu!)))} CPU, ${f1(median(lib.map((l) => l.evalWall!)))} wall`,
      note: `reads examples/data/k1-contract.json; includes building the contract schema on first use; median of ${samples}`,
    },
  ];
  // Where the import goes: each dependency the bundle imports, alone in a fresh process.
  const deps: [string, string][] = [
    ["zod", `await import("zod");`],
    ["decimal.js", `await import("decimal.js");`],
    ["ml-matrix", `await import("ml-matrix");`],
    ["date-fns (3 subpaths)", `await import("date-fns/parseISO"); await import("date-fns/isValid"); await import("date-fns/differenceInCalendarDays");`],
    ["pure-rand (2 subpaths)", `await import("pure-rand/distribution/uniformFloat64"); await import("pure-rand/generator/xoroshiro128plus");`],
    [
      "all dependencies, then the bundle's own top level",
      `await import("zod"); await import("decimal.js"); await import("ml-matrix"); await import("date-fns/parseISO"); await import("date-fns/isValid"); await import("date-fns/differenceInCalendarDays"); await import("pure-rand/distribution/uniformFloat64"); await import("pure-rand/generator/xoroshiro128plus");
const d = mark(); await import(${JSON.stringify(built)}); const e = mark(); console.log(JSON.stringify({ wall: d.wall, cpu: d.cpu, ownWall: e.wall - d.wall, ownCpu: e.cpu - d.cpu }));`,
    ],
  ];
  const parts: string[] = [];
  for (const [name, code] of deps) {
    const runs = Array.from({ length: 3 }, () => child(code.includes("console.log") ? code : `${code} const a = mark(); console.log(JSON.stringify({ wall: a.wall, cpu: a.cpu }));`));
    if (code.includes("ownCpu")) parts.push(`all dependencies ${f1(median(runs.map((r) => r.cpu!)))}, then the bundle's own top level (compiling 0.7 MB and building every module-level schema) ${f1(median(runs.map((r) => r.ownCpu!)))}`);
    else parts.push(`${name} ${f1(median(runs.map((r) => r.cpu!)))}`);
  }
  rows.push({ name: "cold start: where the import goes (CPU, fresh process each, median of 3)", result: parts.join("; "), note: "each dependency imported alone; the last line imports all of them first and times the bundle alone" });
  return rows;
}
