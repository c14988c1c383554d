// Runs every bench/*.bench.ts and rewrites docs/benchmarks.md. Run: npm run bench
//   npx tsx bench/run.ts money cohort            # only those files; docs untouched
//   npx tsx bench/run.ts --write money cohort    # only those files; their sections of
//                                                # docs/benchmarks.md replaced, the rest kept
// Every section names the commit it was measured at, so a partly refreshed page says which
// figures are from which code.
import { execFileSync, execSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./harness.js";

const here = dirname(fileURLToPath(import.meta.url));
const write = process.argv.includes("--write");
const only = process.argv.slice(2).filter((a) => a !== "--write");
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let commit = "unknown";
try {
  commit = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  if (execSync("git status --porcelain -- src bench", { encoding: "utf8" }).trim() !== "") commit += " + uncommitted changes";
} catch {
  // not a git checkout: the commit stays unknown
}
const measuredOn = new Date().toISOString().slice(0, 10);

const sections = new Map<string, string>();
for (const file of files) {
  // One process per file: a file's peak RSS and JIT state are not inherited from the previous one.
  const t0 = performance.now();
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "run-one.ts"), file], { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
  const rows = JSON.parse(out.trim().split("\n").pop() ?? "[]") as BenchRow[];
  const took = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${file}: ${rows.length} rows in ${took} s`);
  for (const r of rows) console.log(`  ${r.name}: ${r.result}`);
  sections.set(
    file.replace(".bench.ts", ""),
    [
      `## ${file.replace(".bench.ts", "")}`,
      "",
      `Measured at commit ${commit} on ${measuredOn} (${took} s).`,
      "",
      "| benchmark | result | method |",
      "| --- | --- | --- |",
      ...rows.map((r) => `| ${r.name} | ${r.result} | ${r.note ?? ""} |`),
      "",
    ].join("\n"),
  );
}

const docsPath = join(here, "..", "docs", "benchmarks.md");
if (only.length === 0 || write) {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  // A partial run keeps the sections it did not measure, as they were.
  if (only.length > 0 && existsSync(docsPath)) {
    const old = readFileSync(docsPath, "utf8").split(/\n(?=## )/).slice(1);
    for (const part of old) {
      const name = part.slice(3, part.indexOf("\n")).trim();
      if (!sections.has(name)) sections.set(name, part.trimEnd() + "\n");
    }
  }
  const header = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (bench/run.ts); do not edit by hand.",
    "",
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Each section names the commit it was measured at.`,
    "Method: `npm run bench` builds the package and measures the built ESM bundle (dist/index.js), as a backend",
    "imports it (the sources run through tsx are slower: its transform adds a naming call to every closure).",
    "Each bench file runs in its own process. Each case is run to warm up, then timed over several samples",
    "on one core (single thread); the median sample is reported. Figures vary by a few percent between runs.",
    "",
  ].join("\n");
  const body = [...sections.keys()].sort().map((k) => sections.get(k)!).join("\n");
  writeFileSync(docsPath, `${header}\n${body}`);
  console.log("wrote docs/benchmarks.md");
}
