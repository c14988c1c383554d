// Runs every bench/*.bench.ts and rewrites docs/benchmarks.md. Run: npm run bench
import { execFileSync, execSync } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchRow } from "./harness.js";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const sections: string[] = [];
for (const file of files) {
  // One process per file: a file's peak RSS and JIT state are not inherited from the previous one.
  const t0 = performance.now();
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "run-one.ts"), file], { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
  const rows = JSON.parse(out.trim().split("\n").pop() ?? "[]") as BenchRow[];
  const took = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${file}: ${rows.length} rows in ${took} s`);
  for (const r of rows) console.log(`  ${r.name}: ${r.result}`);
  sections.push(
    [
      `## ${file.replace(".bench.ts", "")}`,
      "",
      "| benchmark | result | method |",
      "| --- | --- | --- |",
      ...rows.map((r) => `| ${r.name} | ${r.result} | ${r.note ?? ""} |`),
      "",
    ].join("\n"),
  );
}

if (only.length === 0) {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  let commit = "";
  try {
    commit = execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    commit = "unknown";
  }
  const header = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (bench/run.ts); do not edit by hand.",
    "",
    `Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; commit ${commit}.`,
    "Method: `npm run bench` builds the package and measures the built ESM bundle (dist/index.js), as a backend",
    "imports it (the sources run through tsx are slower: its transform adds a naming call to every closure).",
    "Each bench file runs in its own process. Each case is run to warm up, then timed over several samples",
    "on one core (single thread); the median sample is reported. Figures vary by a few percent between runs.",
    "",
  ].join("\n");
  writeFileSync(join(here, "..", "docs", "benchmarks.md"), `${header}\n${sections.join("\n")}`);
  console.log("wrote docs/benchmarks.md");
}
