// npm run docs: writes docs/schema.md and docs/return.schema.json from the schema, formatted as Biome wants them.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { formatWithBiome } from "./schema-doc/biome.ts";
import { DOC_OUTPUTS } from "./schema-doc/outputs.ts";

const root = join(import.meta.dirname, "../..");
for (const output of DOC_OUTPUTS) {
  const path = join(root, output.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, formatWithBiome(output.path, output.render()));
  process.stdout.write(`${output.path} écrit.\n`);
}
