// Lists what test/docs/doc-tags.test.ts counts for one chapter (or all): public symbols
// missing @category / @param / @throws, and schema fields without a doc comment.
//   npx tsx scripts/doc-gaps.ts tiers
import { missingDocTags, undocumentedSchemaFields } from "../test/docs/doc-tags.js";

const chapter = process.argv[2];
const pick = <T extends { chapter: string }>(xs: T[]) => xs.filter((x) => chapter === undefined || x.chapter === chapter);
const tags = pick(missingDocTags());
const fields = pick(undocumentedSchemaFields());
for (const t of tags) console.log(`tag    ${t.key}`);
for (const f of fields) console.log(`field  ${f.key}`);
console.log(`${tags.length} missing tags, ${fields.length} undocumented schema fields${chapter ? ` in ${chapter}` : ""}`);
