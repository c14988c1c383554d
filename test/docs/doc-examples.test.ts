import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";

const src = join(__dirname, "..", "..", "src");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });

/** Exported function declarations with the JSDoc block right above them. */
function exportedFunctions(): { name: string; file: string; doc: string }[] {
  const out: { name: string; file: string; doc: string }[] = [];
  for (const file of files(src)) {
    const text = readFileSync(file, "utf8");
    const re = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*)?export (?:async )?function\*? ?([A-Za-z_$][\w$]*)/g;
    for (const m of text.matchAll(re)) out.push({ name: m[2]!, file: file.slice(src.length + 1), doc: m[1] ?? "" });
  }
  return out;
}

describe("API docs", () => {
  it("every public function has a doc comment with an @example", () => {
    const publicNames = new Set(Object.keys(lib));
    const fns = exportedFunctions().filter((f) => publicNames.has(f.name));
    expect(fns.length).toBeGreaterThan(100);
    const missing = fns.filter((f) => !/@example/.test(f.doc)).map((f) => `${f.file}: ${f.name}`);
    expect(missing).toEqual([]);
  });
});
