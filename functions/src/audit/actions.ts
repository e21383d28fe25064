// What the audit log records: every action of a Union admin or a Union command, and every admin read of a
// structure's data, each with its French wording for `barometre audit`.

export const AUDIT_ACTIONS = {
  "return.review": "examen d'une révision",
  "return.reopen": "réouverture d'un retour",
  "return.read": "lecture du retour d'une structure",
  "campaign.open": "ouverture de campagne",
  "campaign.reopen": "réouverture de campagne",
  "campaign.configure": "réglages de campagne",
  "campaign.close": "clôture de campagne",
  "campaign.export": "export des retours d'une campagne",
  "campaign.status": "lecture du suivi d'une campagne",
  "structure.export": "export des données d'une structure",
  "structure.erase": "effacement d'une structure",
  "admin.add": "ajout d'un administrateur",
  "directory.import": "import de l'annuaire",
  "followup.note": "note de suivi d'une structure",
  "peers.choose": "choix du groupe de pairs d'une structure",
  "retention.set": "réglage de la conservation",
  "retention.purge": "purge des données échues",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Through what the action came: an HTTP function (add-on, Union sheet), the command line, the hourly upkeep. */
export type AuditChannel = "api" | "cli" | "upkeep";

export const CHANNEL_WORDS: Record<AuditChannel, string> = {
  api: "fonction",
  cli: "ligne de commande",
  upkeep: "tâche horaire",
};

const SETTING_WORDS: Record<string, string> = {
  deadline: "date limite",
  bands: "bandes",
  minGroupSize: "groupe minimal",
  mode: "mode",
  reminderOffsets: "relances",
};

/** Which settings a change of campaign sets, for an entry's detail (their names, not their values). */
export const settingNames = (settings: object): string | null =>
  Object.entries(settings)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => SETTING_WORDS[k] ?? k)
    .join(", ") || null;
