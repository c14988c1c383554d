// Which doc tags each public symbol is missing (issue 21 item 7): `@category` on every
// export, `@param` for every parameter and `@throws` on every function that takes input.
// Read with the TypeScript compiler from the public entry point, so re-exports resolve to
// the declaration that carries the comment.
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export interface MissingTag {
  /** `chapter/file.ts: name: tag`, stable across runs. */
  key: string;
  chapter: string;
}

const srcDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src");

function tagsOf(decl: ts.Declaration): ts.JSDocTag[] {
  // Overloads: the comment sits on the first signature; a `const` carries it on its statement.
  const host = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  return [...ts.getJSDocTags(host)];
}

export function missingDocTags(): MissingTag[] {
  const program = ts.createProgram([join(srcDir, "index.ts")], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const entry = program.getSourceFile(join(srcDir, "index.ts"))!;
  const moduleSymbol = checker.getSymbolAtLocation(entry)!;
  const out: MissingTag[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decls = symbol.declarations ?? [];
    const first = decls[0];
    if (first === undefined) continue;
    const file = relative(srcDir, first.getSourceFile().fileName).split("\\").join("/");
    if (file.startsWith("..")) continue;
    const chapter = dirname(file).split("/")[0]!;
    const name = exported.getName();
    const miss = (tag: string) => out.push({ key: `${file}: ${name}: ${tag}`, chapter });
    // Every declaration of the symbol may carry the comment (a const and its type share a name).
    const allTags = decls.flatMap(tagsOf);
    if (!allTags.some((t) => t.tagName.text === "category")) miss("@category");
    const fn = decls.find((d): d is ts.FunctionDeclaration => ts.isFunctionDeclaration(d));
    if (fn === undefined) continue;
    const tags = tagsOf(fn);
    const params = tags.filter((t): t is ts.JSDocParameterTag => ts.isJSDocParameterTag(t)).map((t) => t.name.getText());
    fn.parameters.forEach((p, i) => {
      const pname = ts.isIdentifier(p.name) ? p.name.text : undefined;
      const documented = pname === undefined ? params.length > i : params.some((n) => n === pname || n.startsWith(`${pname}.`));
      if (!documented) miss(`@param ${pname ?? `#${i + 1}`}`);
    });
    const predicate = fn.type !== undefined && ts.isTypePredicateNode(fn.type);
    if (fn.parameters.length > 0 && !predicate && !tags.some((t) => t.tagName.text === "throws")) miss("@throws");
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Fields of the library's document and input schemas without a doc comment (issue 21
 * item 3): each property of a `z.strictObject({...})` / `z.object` / `z.looseObject`
 * literal in src should carry `/** … *\/`, which the JSON Schemas turn into its
 * `description`. A spread (`...shape`) is checked where the shape is written.
 */
export function undocumentedSchemaFields(): MissingTag[] {
  const program = ts.createProgram([join(srcDir, "index.ts")], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true });
  // Binding sets each node's parent: without it getJSDocCommentsAndTags finds no comment on
  // any property (every field counted as undocumented) and findAncestor finds no owner.
  program.getTypeChecker();
  const out: MissingTag[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.startsWith(srcDir)) continue;
    const file = relative(srcDir, sf.fileName).split("\\").join("/");
    const chapter = dirname(file).split("/")[0]!;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ["strictObject", "object", "looseObject"].includes(node.expression.name.text)) {
        const arg = node.arguments[0];
        if (arg !== undefined && ts.isObjectLiteralExpression(arg)) {
          for (const p of arg.properties) {
            if (ts.isSpreadAssignment(p) || p.name === undefined) continue;
            const hasDoc = ts.getJSDocCommentsAndTags(p).length > 0;
            if (!hasDoc) {
              const { line } = sf.getLineAndCharacterOfPosition(p.getStart(sf));
              const owner = ts.findAncestor(node, (a) => ts.isVariableDeclaration(a) || ts.isFunctionDeclaration(a));
              const ownerName = owner && (ts.isVariableDeclaration(owner) || ts.isFunctionDeclaration(owner)) && owner.name && ts.isIdentifier(owner.name) ? owner.name.text : `line ${line + 1}`;
              out.push({ key: `${file}: ${ownerName}.${p.name.getText(sf)}`, chapter });
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
