// coldStart.ratio: the built functions entry module against the two Firebase modules every function needs, loaded in fresh processes.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildFunctions } from "@barometre/functions/build";
import type { Measured } from "../figure.ts";
import { coldImportMs } from "../support/fresh-process.ts";
import { median, round } from "../support/sample-stats.ts";

const ROOT = join(import.meta.dirname, "../..");
/** The same build as `npm run functions:build`, into the bench's own folder: functions/lib is left as it is. */
const OUT = join(ROOT, "bench/out/functions");
const BASELINE = ["firebase-admin/firestore", "firebase-functions/v2/https"];
const RUNS = 11;

/** The chunk the entry module imports on the first request (the handlers and their dependencies). */
async function handlersChunk(): Promise<string> {
  const name = (await readdir(join(OUT, "chunks"))).find((f) => /^production-.*\.js$/.test(f));
  if (!name)
    throw new Error("la construction des fonctions n'a pas produit le module des gestionnaires");
  return pathToFileURL(join(OUT, "chunks", name)).href;
}

export async function run(): Promise<Measured[]> {
  await buildFunctions(OUT);
  const variants = {
    entry: [pathToFileURL(join(OUT, "index.js")).href],
    baseline: BASELINE,
    firstRequest: [pathToFileURL(join(OUT, "index.js")).href, await handlersChunk()],
  };
  const names = Object.keys(variants) as (keyof typeof variants)[];
  const samples = {
    entry: [] as number[],
    baseline: [] as number[],
    firstRequest: [] as number[],
  };
  // One unmeasured round fills the file cache; then the order rotates so drift hits every variant alike.
  for (const name of names) await coldImportMs(variants[name], ROOT);
  for (let i = 0; i < RUNS; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length] as keyof typeof variants;
      samples[name].push(await coldImportMs(variants[name], ROOT));
    }
  }
  const entry = median(samples.entry);
  const baseline = median(samples.baseline);
  return [
    {
      key: "coldStart.ratio",
      value: round(entry / baseline),
      inputs: {
        runs: RUNS,
        entryMedianMs: round(entry, 1),
        baselineMedianMs: round(baseline, 1),
        baselineModules: BASELINE,
        firstRequestMedianMs: round(median(samples.firstRequest), 1),
        build: "functions/scripts/build.ts (npm run functions:build) dans bench/out/functions",
      },
    },
  ];
}
