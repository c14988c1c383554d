// Codemod (issue 22 item 1): every module-level zod schema in src/ built on first use.
//
//   export const fooSchema = z.strictObject({ … });
// becomes
//   export const fooSchema = lazySchema(() => z.strictObject({ … }));
// with `import { lazySchema } from "<relative>/kernel/lazy-schema.js";` added once.
//
// Run: npx tsx scripts/codemods/lazy-schemas.ts [--check] [files or directories…]
// (default: src/; --check changes nothing and exits 1 when a file would change).
// Idempotent: an initializer already wrapped is left alone, and the import is added once.
// The initializer's text is kept verbatim, so doc comments on fields stay where the
// JSON Schema build and the doc-tag checks read them.
//
// Wrapped, decided from the types (the TypeScript checker over the files given): module-level
// `const` declarations (exported or not) whose value is a zod schema, however it is built
// (`z.strictObject(…)`, `z.union([…]).superRefine(…)`, `fooSchema.extend(…)`, a factory such
// as `decimal({ min: "0" })`); plain object literals whose every property is a schema (shapes
// spread into other schemas); array literals of schemas (`lazySchemaList`, a stand-in that is
// `Array.isArray`). Left alone: `let`, destructuring, declarations inside functions, aliases
// (`const a = bSchema`), registries holding functions, plain data, and src/kernel itself.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const root = resolve(import.meta.dirname, "..", "..");
const kernelModule = join(root, "src", "kernel", "lazy-schema.js");
const WRAPPER = "lazySchema";
const LIST_WRAPPER = "lazySchemaList";

function files(path: string): string[] {
  if (statSync(path).isDirectory()) return readdirSync(path).flatMap((f) => files(join(path, f)));
  return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
}

/** The expression under parentheses, `as`, `satisfies` and `!`. */
function bare(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

/** The identifier a call / property / element chain starts from (`z` in `z.a(…).b`), if any. */
function chainRoot(e: ts.Expression): ts.Identifier | undefined {
  let x = bare(e);
  for (;;) {
    if (ts.isCallExpression(x)) x = bare(x.expression);
    else if (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x)) x = bare(x.expression);
    else break;
  }
  return ts.isIdentifier(x) ? x : undefined;
}

/** True when some call in `node` is rooted at `z` (it builds a zod schema). */
function buildsZod(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && chainRoot(n)?.text === "z") found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

const isWrapped = (e: ts.Expression) => {
  const x = bare(e);
  return ts.isCallExpression(x) && ts.isIdentifier(x.expression) && x.expression.text === WRAPPER;
};

/** True when values of `type` are zod schemas (they carry zod's `_zod` internals). */
function isZodType(type: ts.Type): boolean {
  return type.getProperty("_zod") !== undefined;
}

/**
 * How a module-level `const` should be built on first use, decided from its type: `schema`
 * for a zod schema (`z.strictObject(…)`, `decimal({ min: "0" })`, `fooSchema.extend(…)`),
 * `schema` too for a plain object literal all of whose properties are schemas (a shape
 * spread into other schemas), `list` for an array literal of schemas; undefined otherwise
 * (already wrapped, functions, registries holding functions, plain data).
 */
export function wrapKind(checker: ts.TypeChecker, d: ts.VariableDeclaration): "schema" | "list" | undefined {
  const init = d.initializer;
  if (init === undefined || isWrapped(init)) return undefined;
  const x = bare(init);
  if (ts.isFunctionLike(x) || ts.isIdentifier(x) || ts.isLiteralExpression(x)) return undefined;
  const type = checker.getTypeAtLocation(d.name);
  if (ts.isArrayLiteralExpression(x)) {
    const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
    return element !== undefined && isZodType(element) && x.elements.length > 0 && !x.elements.some((e) => ts.isSpreadElement(e)) ? "list" : undefined;
  }
  if (isZodType(type)) return "schema";
  if (ts.isObjectLiteralExpression(x)) {
    const props = type.getProperties();
    const all = props.length > 0 && props.every((p) => isZodType(checker.getTypeOfSymbolAtLocation(p, d)));
    return all && buildsZod(x) ? "schema" : undefined;
  }
  return undefined;
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The file's text with its module-level schemas wrapped, or the same text when nothing applies. */
export function transform(checker: ts.TypeChecker, sf: ts.SourceFile): string {
  const text = sf.getFullText();
  const fileName = sf.fileName;
  const edits: Edit[] = [];
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.initializer === undefined) continue;
      const kind = wrapKind(checker, d);
      if (kind === undefined) continue;
      const init = d.initializer;
      const body = init.getText(sf);
      // An object literal as an arrow body needs parentheses; anything else is kept verbatim.
      const inner = body.startsWith("{") ? `(${body})` : body;
      edits.push({ start: init.getStart(sf), end: init.getEnd(), text: `${kind === "list" ? LIST_WRAPPER : WRAPPER}(() => ${inner})` });
    }
  }
  if (edits.length === 0) return text;
  let spec = relative(dirname(fileName), kernelModule).split("\\").join("/");
  if (!spec.startsWith(".")) spec = `./${spec}`;
  const existing = sf.statements.find((s): s is ts.ImportDeclaration => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === spec);
  const names = new Set<string>();
  if (existing?.importClause?.namedBindings && ts.isNamedImports(existing.importClause.namedBindings)) for (const e of existing.importClause.namedBindings.elements) names.add(e.name.text);
  const wanted = new Set(names);
  for (const e of edits) wanted.add(e.text.startsWith(LIST_WRAPPER) ? LIST_WRAPPER : WRAPPER);
  if (existing !== undefined && wanted.size > names.size) {
    edits.push({ start: existing.getStart(sf), end: existing.getEnd(), text: `import { ${[...wanted].sort().join(", ")} } from "${spec}";` });
  } else if (existing === undefined) {
    const line = `import { ${[...wanted].sort().join(", ")} } from "${spec}";`;
    const imports = sf.statements.filter(ts.isImportDeclaration);
    const at = imports.length > 0 ? imports[imports.length - 1]!.getEnd() : 0;
    edits.push(at > 0 ? { start: at, end: at, text: `\n${line}` } : { start: 0, end: 0, text: `${line}\n` });
  }
  let out = text;
  // From the end, so each edit's positions are those of the original text.
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const paths = args.filter((a) => a !== "--check");
  const targets = (paths.length > 0 ? paths : [join(root, "src")]).map((p) => resolve(p)).flatMap(files);
  const skip = join(root, "src", "kernel");
  let changed = 0;
  let wraps = 0;
  const config = ts.readConfigFile(join(root, "tsconfig.json"), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram(targets, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  for (const file of targets) {
    if (file.startsWith(skip)) continue;
    const sf = program.getSourceFile(file);
    if (sf === undefined) continue;
    const text = readFileSync(file, "utf8");
    const next = transform(checker, sf);
    if (next === text) continue;
    changed++;
    const count = (t: string) => (t.match(/lazySchema(List)?\(\(\) =>/g) ?? []).length;
    wraps += count(next) - count(text);
    if (!check) writeFileSync(file, next);
    else console.log(`would change ${relative(root, file)}`);
  }
  console.log(`${check ? "would wrap" : "wrapped"} ${wraps} module-level schemas in ${changed} files`);
  if (check && changed > 0) process.exit(1);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) main();
