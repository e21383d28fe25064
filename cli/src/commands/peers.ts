// barometre peers: a structure's custom peer set for a campaign, shown, or chosen or dropped by the Union at its
// director's request, with the same checks as the choosePeers function (nothing stored when one fails) and audited.
import type { PeerChoice } from "@barometre/shared";
import { parse } from "../args.ts";
import { auditedCommand } from "../audited.ts";
import { UserError } from "../errors.ts";
import {
  CLI_ACTOR,
  PROJECT_HELP,
  PROJECT_OPTION,
  withFirestore,
  yearArgument,
} from "../firestore.ts";
import { notInDirectory } from "../unknown.ts";
import type { Command } from "./command.ts";

const USAGE = "peers [set|clear] CODE ANNÉE [--criteria CRITÈRES|--members CODES] [--json]";

const OPTIONS = {
  ...PROJECT_OPTION,
  criteria: { type: "string" },
  members: { type: "string" },
  json: { type: "boolean" },
} as const;

/** "territory=Urbain QPV,chargesBand=0" as the request's criteria: a band is a number, the rest is checked as the function checks it. */
function criteriaOf(text: string): Record<string, string | number> {
  return Object.fromEntries(
    text.split(",").map((part) => {
      const at = part.indexOf("=");
      if (at < 1)
        throw new UserError(
          `Critère illisible : « ${part.trim()} ». Écrivez par exemple --criteria "territory=Rural,chargesBand=0".`,
        );
      const [key, value] = [part.slice(0, at).trim(), part.slice(at + 1).trim()];
      return [key, key !== "territory" && /^\d+$/.test(value) ? Number(value) : value];
    }),
  );
}

const command: Command = {
  name: "peers",
  usage: USAGE,
  summary: "groupe de pairs choisi par une structure : voir, choisir ou abandonner à sa demande",
  help: [
    "peers CODE ANNÉE [--json]",
    "  Le groupe de pairs en vigueur pour la structure dans la campagne (le sien ou celui d'une campagne",
    "  précédente, gardé), qui l'a choisi et quand, et les tranches de taille de la campagne avec leurs numéros.",
    'peers set CODE ANNÉE --criteria "territory=Urbain QPV,chargesBand=0,fteBand=1"',
    "  Des critères : un type de territoire et/ou des tranches de taille (numéros donnés par « peers CODE ANNÉE »).",
    "peers set CODE ANNÉE --members CODE1,CODE2,CODE3,CODE4,CODE5",
    "  Des structures nommées, au moins cinq autres que la structure (campagne transparente seulement).",
    "peers clear CODE ANNÉE",
    "  Abandonne le groupe choisi : plus de groupe pour cette campagne ni, sauf nouveau choix, les suivantes.",
    "  Comme dans la barre latérale : avant la clôture seulement, et rien n'est enregistré si le choix est refusé.",
    "  Chaque choix fait ici est inscrit au journal des actions de l'Union (barometre audit).",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, OPTIONS, USAGE);
    const action = positionals[0] === "set" || positionals[0] === "clear" ? positionals[0] : "show";
    const [rawCode, rawYear, ...extra] = action === "show" ? positionals : positionals.slice(1);
    if (!rawCode || extra.length) throw new UserError(`Usage : barometre ${USAGE}`);
    const year = yearArgument(rawYear, USAGE);
    const [admin, shared] = await Promise.all([
      import("@barometre/functions/admin"),
      import("@barometre/shared"),
    ]);
    const { getStructure, choosePeers, parseWith } = admin;
    const { STRUCTURE_CODE, PEERS_REQUEST } = shared;
    const parsedCode = STRUCTURE_CODE.safeParse(rawCode);
    if (!parsedCode.success)
      throw new UserError(`« ${rawCode} » n'est pas un code structure valide.`);
    const code = parsedCode.data;
    if (action !== "set" && (values.criteria !== undefined || values.members !== undefined))
      throw new UserError("--criteria et --members ne vont qu'avec « peers set ».");
    if (action === "set" && (values.criteria === undefined) === (values.members === undefined))
      throw new UserError(
        "Indiquez le groupe : --criteria (des critères) ou --members (des structures nommées), l'un ou l'autre.",
      );
    return withFirestore(values.project, async (db) => {
      const entry = await getStructure(db, code);
      if (!entry) throw new UserError(`${notInDirectory(code)}.`);
      const campaign = await admin.getCampaign(db, year);
      const names = shared.bandNames(campaign?.sizeBands);
      const words = (choice: PeerChoice) =>
        `${shared.isNamed(choice) ? "structures nommées" : "critères"} — ${shared.peerChoiceWords(choice, names)}`;
      const who = `${entry.name} (${code})`;
      if (action !== "show") {
        const request = parseWith(PEERS_REQUEST, {
          structureCode: code,
          year,
          peers:
            action === "clear"
              ? null
              : values.members !== undefined
                ? { codes: values.members.split(",").map((c) => c.trim()) }
                : criteriaOf(values.criteria ?? ""),
        });
        const stored = await auditedCommand(
          db,
          {
            action: "peers.choose",
            structureCode: code,
            year,
            detail: request.peers
              ? shared.isNamed(request.peers)
                ? "structures nommées"
                : "critères"
              : "groupe abandonné",
          },
          () => choosePeers(db, request, CLI_ACTOR, new Date()),
        );
        process.stdout.write(
          stored.choice
            ? `Groupe de pairs de ${who} pour ${year} enregistré : ${words(stored.choice)}.\n`
            : `Groupe de pairs de ${who} abandonné pour ${year} : comparaison avec le réseau, son territoire et ses tranches de taille.\n`,
        );
        return 0;
      }
      const kept = await admin.peersInForce(db, year, code);
      if (values.json) {
        process.stdout.write(
          `${JSON.stringify(
            {
              structureCode: code,
              year,
              choice: kept?.choice ?? null,
              chosenFor: kept?.year ?? null,
              chosenBy: kept?.chosenBy ?? null,
              chosenAt: kept?.chosenAt.toDate().toISOString() ?? null,
            },
            null,
            2,
          )}\n`,
        );
        return 0;
      }
      const applies = kept?.choice
        ? shared.choiceInForce(kept.choice, campaign?.mode === "transparent")
        : null;
      const lines = [
        kept?.choice
          ? `Groupe de pairs de ${who} pour ${year} : ${words(kept.choice)}.`
          : `Aucun groupe de pairs choisi par ${who} pour ${year} : comparaison avec le réseau, son territoire et ses tranches de taille.`,
        ...(kept
          ? [
              `${kept.choice ? "Choisi" : "Abandonné"} pour la campagne ${kept.year} par ${kept.chosenBy}, le ${admin.parisTime.format(kept.chosenAt.toDate())} (heure de Paris)${kept.year < year ? `, gardé pour ${year}` : ""}.`,
            ]
          : []),
        ...(kept?.choice && !applies
          ? [
              "Ce choix ne s'applique pas : des structures nommées ne comptent qu'en campagne transparente.",
            ]
          : []),
        "",
        `Tranches de taille de la campagne ${year} (numéros pour --criteria) :`,
        ...shared.SIZE_DIMENSIONS.map(
          (d) =>
            `  ${d === "charges" ? "chargesBand" : "fteBand"} : ${names[d].map((n, i) => `${i} = ${n}`).join(" ; ")}`,
        ),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    });
  },
};

export default command;
