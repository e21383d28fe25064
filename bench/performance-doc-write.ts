// npm run docs (second step): rewrites the generated part of docs/performance.md from bench/results.json.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PERFORMANCE_DOC, withPerformanceBlock } from "./performance-doc.ts";
import { readResults } from "./results.ts";

const root = join(import.meta.dirname, "..");
const path = join(root, PERFORMANCE_DOC);
const results = readResults(readFileSync(join(root, "bench/results.json"), "utf8"));
writeFileSync(path, withPerformanceBlock(readFileSync(path, "utf8"), results));
process.stdout.write(`${PERFORMANCE_DOC} écrit.\n`);
