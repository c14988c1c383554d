// Writes schemas/<name>.schema.json for every public input schema and
// schemas/<name>.result.schema.json for the main results. Run: npm run build
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildJsonSchemas, buildResultSchemas, prepareJsonSchemas, schemaFileStem } from "./json-schemas.js";

const dir = join(import.meta.dirname, "..", "schemas");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const prepared = prepareJsonSchemas();
const schemas = buildJsonSchemas(prepared);
const index: Record<string, string> = {};
for (const [name, schema] of Object.entries(schemas)) {
  const file = `${schemaFileStem(name)}.schema.json`;
  writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  index[name] = file;
}
const results = buildResultSchemas(prepared.docs);
if (results.missing.length > 0) throw new Error(`result types not exported from src/index.ts: ${results.missing.join(", ")} (update RESULT_TYPES in scripts/json-schemas.ts)`);
for (const [stem, schema] of Object.entries(results.schemas)) {
  const file = `${stem}.result.schema.json`;
  writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  index[schema.title as string] = file; // result entries are keyed by type name (no "Schema" suffix)
}
writeFileSync(join(dir, "index.json"), `${JSON.stringify(index, null, 2)}\n`);
console.log(`wrote ${Object.keys(schemas).length} document and ${Object.keys(results.schemas).length} result JSON Schemas to schemas/`);
