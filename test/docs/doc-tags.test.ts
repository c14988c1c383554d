import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { missingDocTags, undocumentedSchemaFields } from "./doc-tags.js";

// Issue 21 items 3 and 7: `@category` on every public export, `@param` for every
// parameter, `@throws` on every function that takes input, and a doc comment on every
// field of a document schema (it becomes the JSON Schema's description). What was missing
// when the check came in is recorded per chapter in doc-tags-missing/<chapter>.json
// (tags by symbol; fields as a count). The records may only shrink: a tag added must leave
// its list, a new export must carry its tags, and the field count must be lowered when
// fields gain comments.
const dir = join(__dirname, "doc-tags-missing");
interface Recorded {
  undocumentedFields: number;
  tags: string[];
}
const recorded = (chapter: string): Recorded => {
  const file = join(dir, `${chapter}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Recorded) : { undocumentedFields: 0, tags: [] };
};

describe("API docs: @category, @param, @throws, field comments (issue 21 items 3, 7)", () => {
  const missing = missingDocTags();
  const fields = undocumentedSchemaFields();
  const chapters = [...new Set([...missing.map((m) => m.chapter), ...fields.map((m) => m.chapter), ...readdirSync(dir).map((f) => f.replace(/\.json$/, ""))])].sort();
  for (const chapter of chapters) {
    it(`${chapter}: nothing missing beyond its record, and the record is current`, { timeout: 60_000 }, () => {
      const rec = recorded(chapter);
      const now = new Set(missing.filter((m) => m.chapter === chapter).map((m) => m.key));
      const allowed = new Set(rec.tags);
      expect([...now].filter((k) => !allowed.has(k)), "add these tags (doc comment of the declaration)").toEqual([]);
      expect([...allowed].filter((k) => !now.has(k)), `these are tagged now: remove them from test/docs/doc-tags-missing/${chapter}.json`).toEqual([]);
      const undocumented = fields.filter((m) => m.chapter === chapter).map((m) => m.key);
      expect(undocumented.length, `schema fields without a doc comment (first: ${undocumented.slice(0, 5).join("; ")})`).toBeLessThanOrEqual(rec.undocumentedFields);
      expect(rec.undocumentedFields, `lower undocumentedFields in test/docs/doc-tags-missing/${chapter}.json to ${undocumented.length}`).toBe(undocumented.length);
    });
  }
});
