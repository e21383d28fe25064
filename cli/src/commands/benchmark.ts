// barometre benchmark: network and peer-group statistics and every structure's position.
import {
  type Benchmark,
  benchmark,
  DEFAULT_MIN_GROUP_SIZE,
  formatIndicatorValue,
  formatNumber,
  type GroupStats,
  indicator,
  isSuppressed,
  NUMERIC_INDICATOR_KEYS,
  type StatsByIndicator,
  suppressionSentence,
} from "@barometre/shared";
import { parse } from "../args.ts";
import { UserError } from "../errors.ts";
import { loadReturns, toMembers } from "../network.ts";
import { renderTable } from "../table.ts";
import type { Command } from "./command.ts";

const USAGE = "benchmark RÉSEAU [--json] [--min-group N]";

function statsTable(stats: StatsByIndicator): string {
  const rows = NUMERIC_INDICATOR_KEYS.map((key) => {
    const s: GroupStats = stats[key];
    const show = (v: number) => formatIndicatorValue(key, v);
    if (isSuppressed(s))
      return [indicator(key).name, String(s.n), "masqué (groupe trop petit)", "", "", "", "", ""];
    return [
      indicator(key).name,
      String(s.n),
      show(s.min),
      show(s.q1),
      show(s.median),
      show(s.q3),
      show(s.max),
      show(s.mean),
    ];
  });
  return renderTable(["Indicateur", "n", "min", "Q1", "médiane", "Q3", "max", "moyenne"], rows);
}

/** A group's table, or the one French sentence saying why it shows nothing. */
function groupSection(stats: StatsByIndicator, minGroupSize: number): string {
  const all = NUMERIC_INDICATOR_KEYS.map((key) => stats[key]);
  if (!all.every(isSuppressed)) return statsTable(stats);
  return suppressionSentence(Math.max(...all.map((s) => s.n)), minGroupSize);
}

function render(result: Benchmark, structures: number, minGroupSize: number): string {
  const parts = [
    `Réseau (${formatNumber(structures)} structures)`,
    groupSection(result.network, minGroupSize),
  ];
  for (const [territory, stats] of Object.entries(result.groups)) {
    parts.push("", `Groupe « ${territory} »`, groupSection(stats, minGroupSize));
  }
  parts.push(
    "",
    "Le positionnement de chaque structure est dans la sortie --json (clé « positions »).",
  );
  return parts.join("\n");
}

const command: Command = {
  name: "benchmark",
  usage: USAGE,
  summary: "statistiques du réseau et positionnement de chaque structure",
  help: [
    "RÉSEAU est un fichier JSON contenant un tableau de retours, ou un dossier de classeurs .xlsx.",
    "Calcule pour chaque indicateur numérique n, min, Q1, médiane, Q3, max et moyenne (quantiles de type 7),",
    "pour le réseau et pour chaque type de territoire, et la position de chaque structure (rang centile, quartile).",
    `Un groupe de moins de N structures (par défaut ${DEFAULT_MIN_GROUP_SIZE}) n'affiche pas ses statistiques.`,
    "",
    "  --json          sortie JSON (docs/cli.md)",
    "  --min-group N   taille minimale d'un groupe affiché",
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { json: { type: "boolean" }, "min-group": { type: "string" } },
      USAGE,
    );
    const [path] = positionals;
    if (!path || positionals.length > 1)
      throw new UserError(`Indiquez un seul réseau.\nUsage : barometre ${USAGE}`);
    const minGroupSize =
      values["min-group"] === undefined ? DEFAULT_MIN_GROUP_SIZE : Number(values["min-group"]);
    if (!Number.isInteger(minGroupSize) || minGroupSize < 1) {
      throw new UserError("L'option --min-group attend un nombre entier supérieur ou égal à 1.");
    }
    const members = toMembers(await loadReturns(path));
    if (members.length === 0)
      throw new UserError(`Le réseau « ${path} » ne contient aucun retour.`);
    const result = benchmark(members, { minGroupSize });
    process.stdout.write(
      values.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : `${render(result, members.length, minGroupSize)}\n`,
    );
    return 0;
  },
};

export default command;
