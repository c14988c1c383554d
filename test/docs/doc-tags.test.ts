import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { missingDocTags } from "./doc-tags.js";

// Issue 21 item 7: `@category` on every public export, `@param` for every parameter and
// `@throws` on every function that takes input. The symbols that lacked them when the
// check came in are listed per chapter in doc-tags-missing/<chapter>.json; the lists may
// only shrink (a tag added must leave its list, a new export must carry its tags).
const dir = join(__dirname, "doc-tags-missing");
const listed = (chapter: string): string[] => {
  const file = join(dir, `${chapter}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as string[]) : [];
};

describe("API docs: @category, @param, @throws (issue 21 item 7)", () => {
  const missing = missingDocTags();
  const chapters = [...new Set([...missing.map((m) => m.chapter), ...readdirSync(dir).map((f) => f.replace(/\.json$/, ""))])].sort();
  for (const chapter of chapters) {
    it(`${chapter}: no public symbol lacks a tag that is not on its list`, { timeout: 60_000 }, () => {
      const now = new Set(missing.filter((m) => m.chapter === chapter).map((m) => m.key));
      const allowed = new Set(listed(chapter));
      expect([...now].filter((k) => !allowed.has(k)), "add these tags (doc comment of the declaration)").toEqual([]);
      expect([...allowed].filter((k) => !now.has(k)), `these are tagged now: remove them from test/docs/doc-tags-missing/${chapter}.json`).toEqual([]);
    });
  }
});
