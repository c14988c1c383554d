// Writes schemas/<name>.schema.json for every public input schema. Run: npm run build
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildJsonSchemas, schemaFileStem } from "./json-schemas.js";

const dir = join(import.meta.dirname, "..", "schemas");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const schemas = buildJsonSchemas();
const index: Record<string, string> = {};
for (const [name, schema] of Object.entries(schemas)) {
  const file = `${schemaFileStem(name)}.schema.json`;
  writeFileSync(join(dir, file), `${JSON.stringify(schema, null, 2)}\n`);
  index[name] = file;
}
writeFileSync(join(dir, "index.json"), `${JSON.stringify(index, null, 2)}\n`);
console.log(`wrote ${Object.keys(schemas).length} JSON Schemas to schemas/`);
