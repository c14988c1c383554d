// Extracts the `@example` blocks of the public functions' doc comments (issue 21 item 7)
// and type-checks them against the public API: each snippet is compiled in its own scope
// with every public name of src/index.ts in scope (as `import { … } from "precision-vbp"`
// would give a reader). A snippet may use free names it does not define (a `json` document,
// a `contract` value) only by declaring them in a `declare const` line of its own.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export interface Snippet {
  readonly name: string;
  readonly file: string;
  readonly code: string;
}

const src = join(import.meta.dirname, "..", "..", "src");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });

/** The `@example` code of each exported function's doc comment. */
export function exampleSnippets(publicNames: ReadonlySet<string>): Snippet[] {
  const out: Snippet[] = [];
  for (const file of files(src)) {
    const text = readFileSync(file, "utf8");
    const re = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:async )?function\*? ?([A-Za-z_$][\w$]*)/g;
    for (const m of text.matchAll(re)) {
      const name = m[2]!;
      if (!publicNames.has(name)) continue;
      const body = m[1]!.split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
      let inExample = false;
      let lines: string[] = [];
      const flush = () => {
        const code = lines.filter((l) => !/^```/.test(l.trim())).join("\n").trim();
        if (code) out.push({ name, file: file.slice(src.length + 1), code });
        lines = [];
      };
      for (const line of body) {
        if (/^@example\b/.test(line.trim())) {
          if (inExample) flush();
          inExample = true;
          continue;
        }
        if (inExample && /^@\w+/.test(line.trim())) {
          flush();
          inExample = false;
          continue;
        }
        if (inExample) lines.push(line);
      }
      if (inExample) flush();
    }
  }
  return out;
}

/** Type errors of each snippet (empty when it compiles), in one program. */
export function checkSnippets(snippets: readonly Snippet[], valueNames: readonly string[], typeNames: readonly string[]): Map<Snippet, string[]> {
  const root = join(src, "..");
  const virtual = join(root, "test", "docs", "__doc-examples__.ts");
  const header = `import { ${valueNames.join(", ")} } from "../../src/index.js";\nimport type { ${typeNames.join(", ")} } from "../../src/index.js";\nimport * as z from "zod";\nvoid z;\n`;
  const starts: number[] = [];
  let text = header;
  snippets.forEach((s, i) => {
    starts.push(text.split("\n").length);
    // Each snippet in its own namespace and async function: its names do not clash, `await`
    // works, and its `declare const json: unknown;` lines stand for the values it assumes.
    const lines = s.code.split("\n");
    const declared = lines.filter((l) => /^declare\s/.test(l.trim()));
    const body = lines.map((l) => (/^declare\s/.test(l.trim()) ? "" : l));
    text += `namespace __example${i} {\n${declared.join("\n")}\nexport async function run() {\n${body.join("\n")}\n}\n}\n`;
  });
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, skipLibCheck: true, types: ["node"], lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], noUnusedLocals: false, allowUnreachableCode: true };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  host.readFile = (f) => (f === virtual ? text : read(f));
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => f === virtual || exists(f);
  const getSource = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) => (f === virtual ? ts.createSourceFile(f, text, lang) : getSource(f, lang, ...rest));
  const program = ts.createProgram([virtual], options, host);
  const file = program.getSourceFile(virtual)!;
  const result = new Map<Snippet, string[]>(snippets.map((s) => [s, []]));
  for (const d of ts.getPreEmitDiagnostics(program, file)) {
    if (d.file !== file || d.start === undefined) continue;
    const line = file.getLineAndCharacterOfPosition(d.start).line + 1;
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > line) i -= 1;
    const s = snippets[i];
    if (!s) continue;
    result.get(s)!.push(`line ${line - starts[i]!}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
  }
  return result;
}
