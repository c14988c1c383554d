// Explanation rule ids are dotted paths whose every segment is kebab case
// (`care.test-gate.no-test`), one style across chapters (issue 13 item 4, the naming rule
// in docs/architecture.md). Checked statically on every id written in src (string ids and
// the fixed parts of ids built from a kind), and at run time on every step of the worked
// examples' results (test/determinism walks them with `ruleIdsIn`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

export const RULE_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const src = join(__dirname, "..", "..", "src");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });

/** The literal text of a rule id expression: whole for a string, the fixed pieces for a template. */
function pieces(node: ts.Expression): { text: string; whole: boolean }[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ text: node.text, whole: true }];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].map((text) => ({ text, whole: false }));
  return [];
}

/** Segments of a piece that must be kebab case: a template's pieces may begin or end mid-segment at a placeholder. */
function badSegments(piece: { text: string; whole: boolean }): string[] {
  const segs = piece.text.split(".");
  return segs.filter((s, i) => {
    if (!piece.whole && s === "" && (i === 0 || i === segs.length - 1)) return false;
    return !RULE_SEGMENT.test(s);
  });
}

describe("rule ids: dotted kebab-case segments", () => {
  it("every id written in src (step(…) first argument, `rule:` fields)", () => {
    const bad: string[] = [];
    for (const file of files(src)) {
      const sf = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
      const check = (expr: ts.Expression) => {
        for (const p of pieces(expr)) if (badSegments(p).length > 0) bad.push(`${file.slice(src.length + 1)}: ${p.text}`);
      };
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "step" && node.arguments[0]) check(node.arguments[0]);
        if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === "rule") check(node.initializer);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    expect(bad).toEqual([]);
  });
});
