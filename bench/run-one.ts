// Runs one bench file in this process and prints its rows as JSON (bench/run.ts starts
// one process per file, so each file's timings and peak memory are its own).
import { join } from "node:path";
import type { BenchRow } from "./harness.js";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: tsx bench/run-one.ts <name>.bench.ts");
const mod = (await import(join(import.meta.dirname, file))) as { bench: () => Promise<BenchRow[]> };
const rows = await mod.bench();
process.stdout.write(`${JSON.stringify(rows)}\n`);
