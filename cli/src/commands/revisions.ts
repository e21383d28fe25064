// barometre revisions: the history of a structure's return for a campaign (revisions, reviews, lock, reopenings), and
// one revision's difference from the previous one with the director's explanations.
import { parse } from "../args.ts";
import { UserError } from "../errors.ts";
import { PROJECT_HELP, PROJECT_OPTION, withFirestore, yearArgument } from "../firestore.ts";
import { renderTable } from "../table.ts";
import type { Command } from "./command.ts";

const USAGE = "revisions CODE ANNÉE [--diff N] [--json]";

const command: Command = {
  name: "revisions",
  usage: USAGE,
  summary: "historique du retour d'une structure : révisions, examens, verrou, différences",
  help: [
    USAGE,
    "  Sans option : chaque révision (date, heure de Paris, auteur, attestation, nombre de champs",
    "  modifiés et d'explications) et chaque examen de l'Union (état, commentaire, champs, auteur),",
    "  dans l'ordre ; l'acceptation qui verrouille le retour et la réouverture avec son motif y figurent.",
    "  --diff N : ce qui a changé entre la révision N-1 et la révision N (champ, avant, après)",
    "  et les explications que la direction a jointes à la révision N.",
    "  --json : le même historique en JSON pour les scripts.",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...PROJECT_OPTION, diff: { type: "string" }, json: { type: "boolean" } },
      USAGE,
    );
    const [raw, rawYear, ...extra] = positionals;
    if (!raw || extra.length > 0) throw new UserError(`Usage : barometre ${USAGE}`);
    const year = yearArgument(rawYear, USAGE);
    const diff = values.diff === undefined ? null : Number(values.diff);
    if (diff !== null && (!Number.isInteger(diff) || diff < 1))
      throw new UserError(`--diff attend un numéro de révision (1, 2, …), pas « ${values.diff} ».`);
    const { STRUCTURE_CODE } = await import("@barometre/shared");
    const parsed = STRUCTURE_CODE.safeParse(raw);
    if (!parsed.success) throw new UserError(`« ${raw} » n'est pas un code structure valide.`);
    const code = parsed.data;
    const { revisionHistory } = await import("@barometre/functions/admin");
    const history = await withFirestore(values.project, (db) => revisionHistory(db, year, code));
    if (history.revisions.length === 0)
      throw new UserError(`Aucun retour de ${code} n'a été reçu pour l'exercice ${year}.`);
    if (values.json) {
      process.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
      return 0;
    }
    if (diff === null) {
      process.stdout.write(
        `Retour ${year} de ${code} : ${history.revisions.length} révision(s).\n\n${renderTable(
          ["Date (Paris)", "Rév.", "Événement", "Par", "Détail"],
          history.events.map((e) => [e.when, String(e.revision), e.event, e.who, e.detail]),
        )}\n`,
      );
      return 0;
    }
    const detail = history.revisions.find((r) => r.revision === diff);
    if (!detail)
      throw new UserError(
        `La révision ${diff} n'existe pas : le retour ${year} de ${code} en compte ${history.revisions.length}.`,
      );
    const lines = [`Révision ${diff} du retour ${year} de ${code}.`, ""];
    if (!detail.changes) lines.push("Première révision : rien à comparer.");
    else if (detail.changes.length === 0)
      lines.push(`Aucune valeur n'a changé depuis la révision ${diff - 1}.`);
    else
      lines.push(
        `Changements depuis la révision ${diff - 1} :`,
        renderTable(
          ["Champ", "Avant", "Après"],
          detail.changes.map((c) => [`${c.label} (${c.field})`, c.before, c.after]),
        ),
      );
    if (detail.explanations.length)
      lines.push(
        "",
        "Explications de la direction :",
        ...detail.explanations.map((e) => `- ${e.label} (${e.field}) : ${e.text}`),
      );
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  },
};

export default command;
