// barometre campaign: open, close or show the campaign of an exercice.
import type { CampaignMode } from "@barometre/functions/campaigns";
import { formatDate, parseDate } from "@barometre/shared";
import { parse } from "../args.ts";
import { UserError } from "../errors.ts";
import {
  CLI_ACTOR,
  PROJECT_HELP,
  PROJECT_OPTION,
  withFirestore,
  yearArgument,
} from "../firestore.ts";
import { closeWithReports } from "./campaign-close.ts";
import type { Command } from "./command.ts";

const USAGE = "campaign open|close|show ANNÉE [options]";

const MODES: Record<string, CampaignMode> = { anonyme: "anonymous", transparent: "transparent" };
const MODE_WORDS: Record<CampaignMode, string> = {
  anonymous: "anonyme",
  transparent: "transparent",
};

function settingsOf(values: { deadline?: string; "min-group"?: string; mode?: string }) {
  const settings: { deadline?: string; minGroupSize?: number; mode?: CampaignMode } = {};
  if (values.deadline !== undefined) {
    const day = /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(values.deadline)
      ? parseDate(values.deadline)
      : null;
    if (!day?.ok || !day.value) throw new UserError("--deadline attend une date jj/mm/aaaa.");
    settings.deadline = day.value;
  }
  if (values["min-group"] !== undefined) {
    const n = Number(values["min-group"]);
    if (!Number.isInteger(n) || n < 1 || n > 1000)
      throw new UserError("--min-group attend un nombre entier entre 1 et 1 000.");
    settings.minGroupSize = n;
  }
  if (values.mode !== undefined) {
    const mode = MODES[values.mode];
    if (!mode) throw new UserError("--mode attend « anonyme » ou « transparent ».");
    settings.mode = mode;
  }
  return settings;
}

const command: Command = {
  name: "campaign",
  usage: USAGE,
  summary: "campagne d'un exercice : ouverture, clôture, état",
  help: [
    "campaign open ANNÉE [--deadline jj/mm/aaaa] [--min-group N] [--mode anonyme|transparent]",
    "  Ouvre (ou rouvre) la campagne : les structures peuvent envoyer leur retour de cet exercice",
    "  jusqu'à la date limite incluse (heure de Paris). Une campagne rouverte garde ses réglages.",
    "  --min-group : taille minimale d'un groupe dont on montre les statistiques (5 par défaut).",
    "  --mode : anonyme (par défaut) ou transparent (comparaison nommée entre structures).",
    "campaign close ANNÉE",
    "  Clôt la campagne : les envois sont refusés. Le benchmark final est calculé une fois pour toutes,",
    "  puis la synthèse du réseau (pour l'Union) et le rapport de chaque structure (à sa direction) sont",
    "  produits ici et mis dans la file d'envoi. Interrompue, la commande se relance : seuls les rapports",
    "  manquants sont produits, aucun n'est envoyé deux fois. Expéditeur et adresses de l'Union :",
    "  variables MAIL_FROM et UNION_EMAILS, comme pour les fonctions (inutiles avec l'émulateur local).",
    "campaign show ANNÉE",
    "  Affiche l'état et les réglages de la campagne.",
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      {
        ...PROJECT_OPTION,
        deadline: { type: "string" },
        "min-group": { type: "string" },
        mode: { type: "string" },
      },
      USAGE,
    );
    const [action, rawYear, ...extra] = positionals;
    if (extra.length > 0 || !["open", "close", "show"].includes(action ?? ""))
      throw new UserError(`Usage : barometre ${USAGE}`);
    const year = yearArgument(rawYear, USAGE);
    if (action !== "open" && (values.deadline || values["min-group"] || values.mode))
      throw new UserError(
        "--deadline, --min-group et --mode ne s'emploient qu'avec « campaign open ».",
      );
    const settings = settingsOf(values);
    const { getCampaign, openCampaign } = await import("@barometre/functions/campaigns");
    let reports = "";
    const campaign = await withFirestore(values.project, async (db) => {
      if (action === "open") await openCampaign(db, year, settings, CLI_ACTOR, new Date());
      if (action === "close") {
        const done = await closeWithReports(db, year, CLI_ACTOR);
        reports = `  rapports : ${done.structures} structures en ${done.batches} lots, ${done.rendered} produits par cette commande et mis en file d'envoi, synthèse du réseau pour l'Union\n`;
      }
      return getCampaign(db, year);
    });
    if (!campaign) throw new UserError(`La campagne ${year} n'existe pas.`);
    process.stdout.write(
      [
        `Campagne ${year} : ${campaign.state === "open" ? "ouverte" : "close"}`,
        `  date limite : ${campaign.deadline ? formatDate(campaign.deadline) : "aucune"}`,
        `  groupe minimal : ${campaign.minGroupSize}`,
        `  mode : ${MODE_WORDS[campaign.mode]}`,
        `  bandes modifiées : ${Object.keys(campaign.bands).join(", ") || "aucune"}`,
      ].join("\n") + `\n${reports}`,
    );
    return 0;
  },
};

export default command;
