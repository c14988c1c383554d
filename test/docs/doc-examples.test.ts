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

describe("API docs: every @example compiles (issue 21 item 7)", () => {
  // Snippets that did not compile when the check was introduced: most use a value they do
  // not define (`json`, `k1`, `table`); a few are real mistakes (a shape the function does
  // not take). The list may only shrink: a snippet fixed must leave it, a new one must compile.
  const notYet = new Set(JSON.parse(readFileSync(join(__dirname, "doc-examples-not-compiling.json"), "utf8")) as string[]);

  it("type-checks each @example against the public API", { timeout: 600_000 }, async () => {
    const { checkSnippets, exampleSnippets } = await import("./example-snippets.js");
    const names = Object.keys(lib);
    const snippets = exampleSnippets(new Set(names));
    expect(snippets.length).toBeGreaterThan(150);
    const results = checkSnippets(snippets, names, []);
    const failing = new Map<string, string[]>();
    for (const [s, errors] of results) if (errors.length > 0) failing.set(`${s.file}: ${s.name}`, errors);
    const newlyBroken = [...failing].filter(([k]) => !notYet.has(k)).map(([k, e]) => `${k}: ${e.slice(0, 2).join(" | ")}`);
    const nowCompiling = [...notYet].filter((k) => !failing.has(k));
    expect(newlyBroken, "these @example blocks do not compile (declare a free name with `declare const x: …;` in the example)").toEqual([]);
    expect(nowCompiling, "these @example blocks compile now: remove them from test/docs/doc-examples-not-compiling.json").toEqual([]);
  });
});
