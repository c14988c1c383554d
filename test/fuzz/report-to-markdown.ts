// Prints the FUZZ_REPORT JSON as the markdown table of docs/quality-fuzz.md:
//   FUZZ_REPORT=fuzz-report.json npx vitest run test/fuzz && npx tsx test/fuzz/report-to-markdown.ts fuzz-report.json
import { readFileSync } from "node:fs";
import type { EntryCounts } from "./harness.js";

const path = process.argv[2] ?? "fuzz-report.json";
const report = JSON.parse(readFileSync(path, "utf8")) as {
  scale: number;
  seed: number;
  totals: Omit<EntryCounts, "module"> & { entryPoints: number };
  entries: Record<string, EntryCounts>;
};
const n = (x: number) => x.toLocaleString("en-US");
const rows = Object.entries(report.entries).sort(([a, x], [b, y]) => (x.module === y.module ? (a < b ? -1 : 1) : x.module < y.module ? -1 : 1));
const lines = ["| module | entry point | cases tried | valid | typed errors | unexpected |", "| --- | --- | ---: | ---: | ---: | ---: |"];
for (const [name, c] of rows) lines.push(`| ${c.module} | \`${name}\` | ${n(c.cases)} | ${n(c.valid)} | ${n(c.typedErrors)} | ${c.unexpected} |`);
const t = report.totals;
lines.push(`| **all** | **${t.entryPoints} entry points** | **${n(t.cases)}** | **${n(t.valid)}** | **${n(t.typedErrors)}** | **${t.unexpected}** |`);
console.log(`seed ${report.seed}, scale ${report.scale}\n`);
console.log(lines.join("\n"));
