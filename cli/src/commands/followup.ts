// barometre followup: the Union's follow-up of fragile structures after a close (list, show one, update its state,
// notes and next step). These are the Union's working notes: nothing here is ever sent to a structure.
import { formatDate } from "@barometre/shared";
import { parse } from "../args.ts";
import { auditedCommand } from "../audited.ts";
import { dayOption } from "../day-option.ts";
import { UserError } from "../errors.ts";
import {
  CLI_ACTOR,
  PROJECT_HELP,
  PROJECT_OPTION,
  withFirestore,
  yearArgument,
} from "../firestore.ts";
import { renderTable } from "../table.ts";
import { noCampaign } from "../unknown.ts";
import type { Command } from "./command.ts";

const USAGE = "followup list ANNÉE | show CODE ANNÉE | update CODE ANNÉE [options]";

const OPTIONS = {
  ...PROJECT_OPTION,
  state: { type: "string" },
  note: { type: "string" },
  "next-step": { type: "string" },
  json: { type: "boolean" },
} as const;

/** The option a field of the update comes from, as the user typed it. */
function optionOf(field: string): string {
  return field === "nextStep" ? "--next-step" : `--${field}`;
}

async function codeArgument(raw: string | undefined): Promise<string> {
  const { STRUCTURE_CODE } = await import("@barometre/shared");
  const parsed = STRUCTURE_CODE.safeParse(raw ?? "");
  if (!parsed.success) throw new UserError(`« ${raw ?? ""} » n'est pas un code structure valide.`);
  return parsed.data;
}

const command: Command = {
  name: "followup",
  usage: USAGE,
  summary: "accompagnement des structures fragiles après la clôture : liste, fiche, mise à jour",
  help: [
    "followup list ANNÉE [--json]",
    "  Les structures qui avaient au moins un indicateur en bande rouge à la clôture de la campagne :",
    "  état du suivi, indicateurs en rouge, prochaine étape, nombre de notes, et, après la clôture",
    "  suivante, si chaque indicateur est sorti de la bande rouge.",
    "followup show CODE ANNÉE [--json]",
    "  La fiche : valeurs de chaque indicateur en rouge sur toutes les années connues, notes datées",
    "  avec leur auteur, prochaine étape.",
    "followup update CODE ANNÉE [--state ÉTAT] [--note TEXTE] [--next-step jj/mm/aaaa|aucune]",
    "  ÉTAT : « à contacter », « plan d'action en cours », « résolu » ou « sans suite ».",
    "  Une note s'ajoute aux précédentes (jamais remplacée), datée et signée.",
    "  Ces fiches sont les notes de travail de l'Union : elles ne sont jamais envoyées à une structure.",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    const [action, ...rest] = positionals;
    const f = await import("@barometre/functions/admin");
    if (action === "list") {
      const [rawYear, ...extra] = rest;
      if (extra.length) throw new UserError(`Usage : barometre ${USAGE}`);
      const year = yearArgument(rawYear, USAGE);
      const list = await withFirestore(values.project, async (db) => {
        if (!(await f.getCampaign(db, year))) throw noCampaign(year);
        return f.listFollowups(db, year);
      });
      if (values.json) {
        process.stdout.write(`${JSON.stringify(f.toJson(list), null, 2)}\n`);
        return 0;
      }
      const rows = list.map((r) => [
        r.structureCode,
        r.name,
        r.state,
        r.red.map((i) => i.name).join(", "),
        r.nextStep ? formatDate(r.nextStep) : "",
        String(r.notes.length),
        f.outcomeWords(r),
      ]);
      process.stdout.write(
        `Suivi des structures fragiles, campagne ${year} : ${list.length} fiche(s).\n\n${renderTable(
          [
            "Code",
            "Structure",
            "État",
            "Indicateurs en rouge",
            "Prochaine étape",
            "Notes",
            `En ${year + 1}`,
          ],
          rows,
        )}\n`,
      );
      return 0;
    }
    if (action !== "show" && action !== "update") throw new UserError(`Usage : barometre ${USAGE}`);
    const [rawCode, rawYear, ...extra] = rest;
    if (extra.length) throw new UserError(`Usage : barometre ${USAGE}`);
    const code = await codeArgument(rawCode);
    const year = yearArgument(rawYear, USAGE);
    let record = await withFirestore(values.project, async (db) => {
      if (!(await f.getCampaign(db, year))) throw noCampaign(year);
      return f.getFollowup(db, year, code);
    });
    if (!record)
      throw new UserError(
        `${code} n'a pas de suivi pour ${year} : seules les structures ayant un indicateur en bande rouge à la clôture en ont un.`,
      );
    if (action === "update") {
      const nextStep = values["next-step"];
      const parsed = f.FOLLOWUP_UPDATE.safeParse({
        state: values.state,
        note: values.note,
        nextStep:
          nextStep === undefined
            ? undefined
            : nextStep === "aucune"
              ? null
              : dayOption("--next-step", nextStep, true),
      });
      if (!parsed.success)
        throw new UserError(
          parsed.error.issues
            .map((i) => (i.path.length ? `${optionOf(String(i.path[0]))} ${i.message}` : i.message))
            .join(" "),
        );
      const update = Object.fromEntries(
        Object.entries(parsed.data).filter(([, v]) => v !== undefined),
      );
      // What changed, named but not quoted: the log keeps no note's text.
      const words: Record<string, string> = {
        state: "état",
        note: "note",
        nextStep: "prochaine étape",
      };
      const changed = Object.keys(update)
        .map((k) => words[k] ?? k)
        .join(", ");
      record = await withFirestore(values.project, (db) =>
        auditedCommand(
          db,
          { action: "followup.note", structureCode: code, year, detail: changed || null },
          () => f.updateFollowup(db, year, code, update, CLI_ACTOR, new Date()),
        ),
      );
    }
    if (values.json) {
      // Dates as ISO 8601 strings, as the API, structure export and peers --json give them, not Firestore's timestamps.
      process.stdout.write(`${JSON.stringify(f.toJson(record), null, 2)}\n`);
      return 0;
    }
    const { parisTime } = await import("@barometre/functions/admin");
    const lines = [
      `Suivi ${year} de ${record.name} (${code}) : ${record.state}.`,
      `Prochaine étape : ${record.nextStep ? formatDate(record.nextStep) : "aucune"}.`,
      "",
      "Indicateurs en bande rouge à la clôture :",
      ...record.red.map(
        (i) =>
          `- ${i.name} : ${i.history.map((h) => `${h.year} ${h.value} (${h.band || "sans bande"})`).join(" ; ")}`,
      ),
      ...(record.outcome
        ? [
            "",
            `À la clôture ${record.outcome.year} :`,
            ...record.outcome.indicators.map((i) => `- ${i.name} : ${f.leftRedWords(i.leftRed)}`),
          ]
        : []),
      "",
      record.notes.length ? "Notes :" : "Aucune note.",
      ...record.notes.map((n) => `- ${parisTime.format(n.at.toDate())}, ${n.by} : ${n.text}`),
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  },
};

export default command;
