// barometre review: the Union's decision on the latest revision of a return, as reviewReturn takes it: accepted
// (which locks it), to correct, rejected or reopened, the director told by mail (through the outbox).
import { parse } from "../args.ts";
import { auditedCommand } from "../audited.ts";
import { UserError } from "../errors.ts";
import {
  CLI_REVIEWER,
  PROJECT_HELP,
  PROJECT_OPTION,
  withFirestore,
  yearArgument,
} from "../firestore.ts";
import { cliMailSettings } from "./campaign-close.ts";
import type { Command } from "./command.ts";

const USAGE =
  "review CODE ANNÉE RÉVISION accepted|hasIssues|rejected|reopened [--comment TEXTE] [--fields CHAMPS]";

/**
 * The review request from the arguments, each refused in French as the user typed it: the code, the revision, the
 * state, --comment, --fields. Their bounds (a comment's length, how many fields) are left to REVIEW_REQUEST.
 */
async function checkedRequest(
  rawCode: string,
  year: number,
  rawRevision: string | undefined,
  state: string,
  values: { comment?: string; fields?: string },
) {
  const { STRUCTURE_CODE, REVIEW_STATES, findField } = await import("@barometre/shared");
  const code = STRUCTURE_CODE.safeParse(rawCode);
  if (!code.success) throw new UserError(`« ${rawCode} » n'est pas un code structure valide.`);
  if (!/^\d+$/.test(rawRevision ?? "") || Number(rawRevision) < 1)
    throw new UserError(
      `Le numéro de révision doit être un entier positif : « ${rawRevision ?? ""} ».`,
    );
  if (!(REVIEW_STATES as readonly string[]).includes(state))
    throw new UserError(
      `L'examen doit être ${REVIEW_STATES.join(", ").replace(/, (?=[^,]*$)/, " ou ")} : « ${state} ».`,
    );
  const comment = values.comment?.trim();
  if (state !== "accepted" && !comment)
    throw new UserError(
      "--comment est obligatoire pour un retour à corriger (hasIssues), rejeté (rejected) ou rouvert (reopened) : dites à la structure ce qui ne va pas, ou pourquoi le retour est rouvert.",
    );
  const fields = values.fields?.split(",").map((f) => f.trim());
  const unknown = fields?.filter((f) => findField(f) === undefined) ?? [];
  if (unknown.length)
    throw new UserError(
      `--fields : ${unknown.map((f) => `« ${f} »`).join(", ")} ${unknown.length > 1 ? "ne sont pas des champs" : "n'est pas un champ"} du retour (attendu : un chemin comme finance.chargesTotal, séparés par des virgules).`,
    );
  return { structureCode: code.data, year, revision: Number(rawRevision), state, comment, fields };
}

const command: Command = {
  name: "review",
  usage: USAGE,
  summary: "examen d'un retour : accepté (verrouillé), à corriger, rejeté ou rouvert",
  help: [
    USAGE,
    "  Examine la dernière révision du retour, comme reviewReturn :",
    "  accepted  accepte le retour et le verrouille pour la campagne ;",
    "  hasIssues demande une correction ; rejected ne le retient pas ;",
    "  reopened  rouvre un retour accepté (le motif, --comment, est obligatoire).",
    "  --comment est obligatoire sauf pour accepted ; --fields nomme les champs concernés",
    "  (chemins comme finance.chargesTotal, séparés par des virgules), que le panneau de la",
    "  direction relie à leurs cellules. Sauf pour accepted, la direction reçoit un courriel,",
    "  aux adresses de l'annuaire, une seule fois par examen.",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      { ...PROJECT_OPTION, comment: { type: "string" }, fields: { type: "string" } },
      USAGE,
    );
    const [code, rawYear, rawRevision, state, ...extra] = positionals;
    if (!code || !state || extra.length) throw new UserError(`Usage : barometre ${USAGE}`);
    const year = yearArgument(rawYear, USAGE);
    const { decisionOf, reviewEvent, parseWith, decideReview } = await import(
      "@barometre/functions/admin"
    );
    const { REVIEW_REQUEST, REVIEW_STATE_LABELS } = await import("@barometre/shared");
    // Then checked as reviewReturn checks it.
    const r = parseWith(
      REVIEW_REQUEST,
      await checkedRequest(code, year, rawRevision, state, values),
    );
    const mail = await cliMailSettings();
    const review = await withFirestore(values.project, (db) =>
      auditedCommand(db, reviewEvent(r), () =>
        decideReview(
          db,
          { year, code: r.structureCode, number: r.revision },
          decisionOf(r),
          CLI_REVIEWER,
          new Date(),
          mail,
        ),
      ),
    );
    process.stdout.write(
      `Révision ${r.revision} du retour ${year} de ${r.structureCode} : ${REVIEW_STATE_LABELS[review.state]}${review.state === "accepted" ? " (retour verrouillé)" : " ; courriel à la direction mis en file d'envoi"}.\n`,
    );
    return 0;
  },
};

export default command;
