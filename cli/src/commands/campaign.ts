// barometre campaign: open, configure, close, show or follow (status) the campaign of an exercice.
import {
  bandsProblem,
  type CampaignMode,
  type CampaignSettings,
  type FollowupOutcome,
  type FollowupsOpened,
  formatDate,
  type SizeBand,
  type SizeDimension,
} from "@barometre/shared";
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
import { noCampaign } from "../unknown.ts";
import { closeWithReports } from "./campaign-close.ts";
import { printStatus } from "./campaign-status.ts";
import type { Command } from "./command.ts";
import { OUTPUT_HELP, OUTPUT_OPTION } from "./export-output.ts";

const USAGE = "campaign open|configure|close|show|status ANNÉE [options]";

const ACTIONS = ["open", "configure", "close", "show", "status"] as const;
type Action = (typeof ACTIONS)[number];

const MODES: Record<string, CampaignMode> = { anonyme: "anonymous", transparent: "transparent" };
const MODE_WORDS: Record<CampaignMode, string> = {
  anonymous: "anonyme",
  transparent: "transparent",
};

const SETTING_OPTIONS = [
  "deadline",
  "min-group",
  "mode",
  "reminders",
  "charges-bands",
  "fte-bands",
] as const;
const STATUS_OPTIONS = ["json", "csv", "output"] as const;

type Values = Partial<Record<(typeof SETTING_OPTIONS)[number] | "output", string>> & {
  json?: boolean;
  csv?: boolean;
};

/** "J-14,J-7,J-2,J+1" (or « aucune ») as days relative to the deadline, checked by the campaign's own rules. */
async function reminderDays(text: string): Promise<number[]> {
  const { parseOffsetLabel } = await import("@barometre/functions/admin");
  const { REMINDER_OFFSETS } = await import("@barometre/shared");
  const labels =
    text.trim().toLowerCase() === "aucune" ? [] : text.split(/[\s,;]+/).filter(Boolean);
  const days = labels.map(parseOffsetLabel);
  if (days.some((d) => d === null))
    throw new UserError(
      `--reminders attend des jours comme J-14,J-7,J-2,J+1 (ou « aucune »), pas « ${text} ».`,
    );
  const checked = REMINDER_OFFSETS.safeParse(days);
  if (!checked.success)
    throw new UserError(`--reminders : ${checked.error.issues[0]?.message ?? "valeur refusée."}`);
  return checked.data;
}

/** "0-300000,300000-600000,600000-" as size bands, checked like the API checks them (no overlap, no gap). */
function sizeBands(option: string, dimension: SizeDimension, text: string): SizeBand[] {
  const bands = text.split(",").map((part) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)?\s*$/.exec(part);
    if (!m)
      throw new UserError(
        `--${option} attend des tranches comme 0-300000,300000-600000,600000- (la dernière sans fin), pas « ${part} ».`,
      );
    return { min: Number(m[1]), max: m[2] === undefined ? null : Number(m[2]) };
  });
  const problem = bandsProblem(dimension, bands);
  if (problem) throw new UserError(`--${option} : ${problem}`);
  return bands;
}

async function settingsOf(values: Values): Promise<CampaignSettings> {
  const settings: CampaignSettings = {};
  if (values.deadline !== undefined) {
    settings.deadline = dayOption("--deadline", values.deadline);
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
  if (values.reminders !== undefined)
    settings.reminderOffsets = await reminderDays(values.reminders);
  const charges = values["charges-bands"];
  const fte = values["fte-bands"];
  if (charges !== undefined || fte !== undefined)
    settings.sizeBands = {
      ...(charges !== undefined ? { charges: sizeBands("charges-bands", "charges", charges) } : {}),
      ...(fte !== undefined ? { fte: sizeBands("fte-bands", "fte", fte) } : {}),
    };
  return settings;
}

/** Each option belongs to some actions only: settings to open and configure, outputs to status. */
function checkOptions(action: Action, values: Values): void {
  const given = (names: readonly string[]) =>
    names.filter((n) => values[n as keyof Values] !== undefined);
  const settings = given(SETTING_OPTIONS);
  if (settings.length > 0 && action !== "open" && action !== "configure")
    throw new UserError(
      `${settings.map((n) => `--${n}`).join(", ")} ne s'emploie qu'avec « campaign open » ou « campaign configure ».`,
    );
  if (action === "configure" && settings.length === 0)
    throw new UserError(
      "Indiquez au moins un réglage à changer : --deadline, --min-group, --mode, --reminders, --charges-bands ou --fte-bands.",
    );
  const outputs = given(STATUS_OPTIONS);
  if (outputs.length > 0 && action !== "status")
    throw new UserError(
      `${outputs.map((n) => `--${n}`).join(", ")} ne s'emploie qu'avec « campaign status ».`,
    );
}

/** What the close did for the follow-up of fragile structures, this year's and last year's records. */
function followupLines(
  year: number,
  f: FollowupsOpened,
  words: (r: { outcome: FollowupOutcome }) => string,
): string {
  const lines = [
    `  accompagnement : ${f.opened} fiche(s) de suivi ouverte(s) pour les structures en bande rouge (barometre followup list ${year})`,
    ...f.reviewed.map((r) => `  suivi ${year - 1} de ${r.structureCode} : ${words(r)}`),
  ];
  return `${lines.join("\n")}\n`;
}

const command: Command = {
  name: "campaign",
  usage: USAGE,
  summary: "campagne d'un exercice : ouverture, réglages, clôture, état, suivi des structures",
  help: [
    "campaign open ANNÉE [--deadline jj/mm/aaaa] [--min-group N] [--mode anonyme|transparent]",
    "                    [--reminders J-14,J-7,J-2,J+1]",
    "  Ouvre (ou rouvre) la campagne : les structures peuvent envoyer leur retour de cet exercice",
    "  jusqu'à la date limite incluse (heure de Paris). Une campagne rouverte garde ses réglages.",
    "  --min-group : taille minimale d'un groupe dont on montre les statistiques (5 par défaut).",
    "  --mode : anonyme (par défaut) ou transparent (comparaison nommée entre structures).",
    "  --reminders : jours de relance des structures sans retour, comptés depuis la date limite",
    "  (J-14,J-7,J-2,J+1 par défaut ; « aucune » pour n'en envoyer aucune).",
    "  --charges-bands, --fte-bands : les tranches des groupes de taille, par total des charges (€)",
    "  et par effectif (ETP), comme 0-300000,300000-600000,600000- : de 0 à une dernière tranche",
    "  sans fin, chacune commençant où finit la précédente (par défaut : les terciles de N-1).",
    "campaign configure ANNÉE [--deadline …] [--min-group …] [--mode …] [--reminders …]",
    "                         [--charges-bands …] [--fte-bands …]",
    "  Change les réglages donnés d'une campagne existante, sans l'ouvrir ni la clore.",
    "campaign close ANNÉE",
    "  Clôt la campagne : les envois sont refusés. Le benchmark final est calculé une fois pour toutes,",
    "  puis la synthèse du réseau (pour l'Union) et le rapport de chaque structure (à sa direction) sont",
    "  produits ici et mis dans la file d'envoi. Interrompue, la commande se relance : seuls les rapports",
    "  manquants sont produits, aucun n'est envoyé deux fois. Expéditeur et adresses de l'Union :",
    "  variables MAIL_FROM et UNION_EMAILS, comme pour les fonctions (inutiles avec l'émulateur local).",
    "campaign show ANNÉE",
    "  Affiche l'état et les réglages de la campagne.",
    "campaign status ANNÉE [--json | --csv] [-o FICHIER]",
    "  Le suivi : chaque structure inscrite et où elle en est (non commencé, classeur préparé, retour",
    "  envoyé avec sa révision, sa date, la revue de l'Union et ses indicateurs en bande rouge).",
    "  --json : le même suivi en JSON { year, state, deadline, counts, status } pour les scripts ;",
    "  --csv : en CSV pour Excel en français (les colonnes de l'onglet Suivi du tableau consolidé).",
    OUTPUT_HELP,
    "",
    PROJECT_HELP,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      {
        ...PROJECT_OPTION,
        ...OUTPUT_OPTION,
        deadline: { type: "string" },
        "min-group": { type: "string" },
        mode: { type: "string" },
        reminders: { type: "string" },
        "charges-bands": { type: "string" },
        "fte-bands": { type: "string" },
        json: { type: "boolean" },
        csv: { type: "boolean" },
      },
      USAGE,
    );
    const [rawAction, rawYear, ...extra] = positionals;
    const action = ACTIONS.find((a) => a === rawAction);
    if (extra.length > 0 || !action) throw new UserError(`Usage : barometre ${USAGE}`);
    const year = yearArgument(rawYear, USAGE);
    checkOptions(action, values);
    if (action === "status") {
      await printStatus(year, values);
      return 0;
    }
    const settings = await settingsOf(values);
    const { configureCampaign, getCampaign, openCampaign } = await import(
      "@barometre/functions/admin"
    );
    const { offsetLabel } = await import("@barometre/functions/admin");
    let reports = "";
    const { settingNames } = await import("@barometre/functions/admin");
    const campaign = await withFirestore(values.project, async (db) => {
      const detail = settingNames(settings);
      if (action === "open") {
        const existing = await getCampaign(db, year);
        await auditedCommand(
          db,
          { action: existing ? "campaign.reopen" : "campaign.open", year, detail },
          () => openCampaign(db, year, settings, CLI_ACTOR, new Date()),
        );
      }
      if (action === "configure")
        await auditedCommand(db, { action: "campaign.configure", year, detail }, () =>
          configureCampaign(db, year, settings, CLI_ACTOR, new Date()),
        );
      if (action === "close") {
        const { outcomeWords } = await import("@barometre/functions/admin");
        const done = await auditedCommand(db, { action: "campaign.close", year }, () =>
          closeWithReports(db, year, CLI_ACTOR),
        );
        reports = `  rapports : ${done.structures} structures en ${done.batches} lots, ${done.rendered} produits par cette commande et mis en file d'envoi, synthèse du réseau pour l'Union\n${followupLines(year, done.followups, outcomeWords)}`;
      }
      return getCampaign(db, year);
    });
    if (!campaign) throw noCampaign(year);
    process.stdout.write(
      [
        `Campagne ${year} : ${campaign.state === "open" ? "ouverte" : "close"}`,
        `  date limite : ${campaign.deadline ? formatDate(campaign.deadline) : "aucune"}`,
        `  groupe minimal : ${campaign.minGroupSize}`,
        `  mode : ${MODE_WORDS[campaign.mode]}`,
        `  bandes modifiées : ${Object.keys(campaign.bands).join(", ") || "aucune"}`,
        `  relances : ${campaign.reminderOffsets.map(offsetLabel).join(", ") || "aucune"}`,
        reports,
      ].join("\n"),
    );
    return 0;
  },
};

export default command;
