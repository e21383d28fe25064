// npm run bench [-- --only KEY]: takes every measurement, prints the French table and writes bench/results.json.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Figure, judge, type Measured } from "./figure.ts";
import { FIGURE_KEYS } from "./goals.ts";
import type { Measure } from "./measure.ts";
import { MEASURES } from "./measures/index.ts";
import { mergeResults, readResults, runResults } from "./results.ts";
import { currentLoad, machine } from "./support/machine.ts";
import { measureInFreshProcess } from "./support/measure-process.ts";
import { figuresTable } from "./support/table.ts";

const RESULTS = join(import.meta.dirname, "results.json");

const USAGE = `Usage : npm run bench [-- --only CLÉ[,CLÉ…]]
CLÉ est une clé de bench/results.json ou son préfixe (addon, submit…) :
${FIGURE_KEYS.map((k) => `  ${k}`).join("\n")}`;

/** The measures to run: all, or those yielding a key matching one of --only's keys or prefixes. */
function selected(args: readonly string[]): { measures: Measure[]; only: string[] | null } {
  const at = args.indexOf("--only");
  if (at === -1) return { measures: [...MEASURES], only: null };
  const only = (args[at + 1] ?? "").split(",").filter(Boolean);
  const matches = (key: string) => only.some((o) => key === o || key.startsWith(`${o}.`));
  const measures = MEASURES.filter((m) => m.keys.some(matches));
  if (only.length === 0) throw new Error(USAGE);
  if (measures.length === 0)
    throw new Error(`Aucune mesure ne donne « ${only.join(", ")} ».\n${USAGE}`);
  return { measures, only };
}

/** Each measurement runs in a fresh process; one that fails yields its figures as absent with the reason. */
async function take(measure: Measure): Promise<{ measured: Measured[]; failed: boolean }> {
  process.stderr.write(`… ${measure.title}\n`);
  const reply = await measureInFreshProcess(MEASURES.indexOf(measure));
  if ("measured" in reply) return { measured: reply.measured, failed: false };
  const reason = `la mesure a échoué : ${reply.error}`;
  return { measured: measure.keys.map((key) => ({ key, absent: reason })), failed: true };
}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  const { measures, only } = selected(args);
  const started = new Date();
  const context = machine();
  const figures: Figure[] = [];
  let failed = false;
  for (const measure of measures) {
    const outcome = await take(measure);
    failed ||= outcome.failed;
    figures.push(...outcome.measured.map(judge));
  }
  context.loadAverage.end = currentLoad();
  const order = (f: Figure) => FIGURE_KEYS.indexOf(f.key);
  figures.sort((a, b) => order(a) - order(b));
  console.log(
    `Baromètre des PIMMS : mesures de performance (${context.cores} cœurs, Node ${context.node})\n`,
  );
  console.log(figuresTable(figures));
  // A run of some keys keeps the other figures of the file, each with its own date and machine.
  const previous = only === null ? null : await readFile(RESULTS, "utf8").catch(() => null);
  const results = mergeResults(
    previous === null ? null : readResults(previous),
    runResults(figures, started, context),
  );
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nRésultats écrits dans bench/results.json.`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
