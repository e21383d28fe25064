// barometre retention: how long each kind of data is kept, the Union's settings, and the purge (or its simulation).
import { parse } from "../args.ts";
import { auditedCommand } from "../audited.ts";
import { UserError } from "../errors.ts";
import { PROJECT_HELP, PROJECT_OPTION, withFirestore } from "../firestore.ts";
import { renderTable } from "../table.ts";
import type { Command } from "./command.ts";

const USAGE = "retention show | retention set TYPE DURÉE | retention run [--dry-run] [--batch N]";

async function show(project: string | undefined): Promise<string> {
  const [
    { ANCHOR_WORDS, RETENTION, RETENTION_KINDS, formatRetention },
    { readRetention, parisTime },
  ] = await Promise.all([import("@barometre/shared"), import("@barometre/functions/admin")]);
  const stored = await withFirestore(project, readRetention);
  const rows = RETENTION_KINDS.map((kind) => {
    const info = RETENTION[kind];
    return [
      kind,
      info.label,
      `${formatRetention(stored.policy[kind])}${stored.set.includes(kind) ? "" : " (défaut)"}`,
      formatRetention(info.defaultDays),
      ANCHOR_WORDS[info.anchor].replace(/, et .*/, ""),
    ];
  });
  const by =
    stored.updatedBy && stored.updatedAt
      ? `Réglée par ${stored.updatedBy} le ${parisTime.format(stored.updatedAt)}.`
      : "Aucun réglage de l'Union : les durées par défaut s'appliquent.";
  return `${renderTable(["Type", "Données", "Conservation", "Par défaut", "Comptée"], rows)}\n${by}\n`;
}

async function set(kind: string, text: string, project: string | undefined): Promise<string> {
  const [{ ANCHOR_WORDS, RETENTION, checkRetention, formatRetention }, { setRetention }] =
    await Promise.all([import("@barometre/shared"), import("@barometre/functions/admin")]);
  const checked = checkRetention(kind, text);
  if (!checked.ok) throw new UserError(checked.error);
  const { CLI_ACTOR } = await import("../firestore.ts");
  const said = formatRetention(checked.days);
  await withFirestore(project, (db) =>
    auditedCommand(db, { action: "retention.set", detail: `${checked.kind} : ${said}` }, () =>
      setRetention(db, checked.kind, checked.days, CLI_ACTOR, new Date()),
    ),
  );
  const info = RETENTION[checked.kind];
  return `Conservation des ${info.label} (${checked.kind}) : ${said} ${ANCHOR_WORDS[info.anchor]}.\n`;
}

/** Documents written per batch: Firestore takes 500 writes at most in one. */
function batchSize(text: string | undefined): number {
  if (text === undefined) return 200;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 450)
    throw new UserError("--batch attend un nombre entier de documents par lot, entre 1 et 450.");
  return n;
}

async function run(dryRun: boolean, batch: number, project: string | undefined): Promise<string> {
  const [{ applyRetention, PURGE_HEADER, purgeDetail, purgeRows }, { formatNumber }] =
    await Promise.all([import("@barometre/functions/admin"), import("@barometre/shared")]);
  const report = await withFirestore(project, (db) => {
    const purge = () =>
      applyRetention(db, new Date(), {
        dryRun,
        rescan: true,
        batchSize: batch,
        onBatch: (l) => {
          process.stderr.write(`  lot supprimé : ${formatNumber(l.count)} (${l.kind} ${l.year})\n`);
        },
      });
    return dryRun
      ? purge()
      : auditedCommand(
          db,
          { action: "retention.purge" },
          purge,
          (r) => purgeDetail(r.lines) || null,
        );
  });
  if (report.lines.length === 0) return "Rien n'a dépassé sa durée de conservation.\n";
  const total = report.lines.reduce((n, l) => n + l.count, 0);
  return [
    dryRun
      ? "Simulation (rien n'a été supprimé) : seraient supprimés"
      : "Supprimé, la durée de conservation étant dépassée :",
    renderTable(PURGE_HEADER, purgeRows(report.lines)),
    `Total : ${formatNumber(total)} élément${total > 1 ? "s" : ""} (un courriel compte avec ses tentatives d'envoi).`,
    "",
  ].join("\n");
}

const command: Command = {
  name: "retention",
  usage: USAGE,
  summary: "durées de conservation des données : affichage, réglage, purge",
  help: [
    "retention show",
    "  Chaque type de données, sa durée de conservation (réglée ou par défaut) et d'où elle se compte.",
    "retention set TYPE DURÉE",
    "  Règle la durée d'un type : returns, answers, mails, reminders, followups ou snapshots ;",
    "  DURÉE avec son unité, comme 90j, 6mois ou 10ans (12mois vaut 1an). Une durée sans unité (sauf 0),",
    "  négative, ou plus courte qu'une campagne pour les données dont la campagne suivante a besoin",
    "  (retours, suivis, instantanés), est refusée.",
    "retention run [--dry-run]",
    "  Supprime ce qui a dépassé sa durée, par lots (la tâche horaire le fait aussi, 2 000 au plus",
    "  par heure). Jamais ce dont une campagne ouverte a besoin, ni un courriel non remis.",
    "  --dry-run : affiche ce qui serait supprimé, par type, campagne et âge, sans rien supprimer.",
    "  --batch N : documents par lot (200 par défaut). Interrompue, la purge reprend au lancement",
    "  suivant (ou à l'heure suivante) sans jamais supprimer plus que la règle alors en vigueur.",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    // A negative duration ("-5j") is an argument to refuse in words, not an unknown option.
    const NEGATIVE = "\u0000";
    const { values, positionals } = parse(
      argv.map((a) => (/^-\d/.test(a) ? NEGATIVE + a : a)),
      { ...PROJECT_OPTION, "dry-run": { type: "boolean" }, batch: { type: "string" } },
      USAGE,
    );
    const [action, ...rest] = positionals.map((p) => p.replace(NEGATIVE, ""));
    if ((values["dry-run"] || values.batch !== undefined) && action !== "run")
      throw new UserError("--dry-run et --batch ne s'emploient qu'avec « retention run ».");
    let text: string;
    if (action === "show" && rest.length === 0) text = await show(values.project);
    else if (action === "set" && rest.length === 2)
      text = await set(rest[0] as string, rest[1] as string, values.project);
    else if (action === "run" && rest.length === 0)
      text = await run(values["dry-run"] === true, batchSize(values.batch), values.project);
    else throw new UserError(`Usage : barometre ${USAGE}`);
    process.stdout.write(text);
    return 0;
  },
};

export default command;
