// The French summary npm start prints at the end: each structure and its fragile indicators, the fragility of
// each indicator across the network, and where every file is.

import type { MailKind } from "@barometre/functions/admin";
import {
  formatIndicatorValue,
  formatNumber,
  INDICATOR_KEYS,
  type IndicatorKey,
  indicator,
  plural,
} from "@barometre/shared";
import { renderTable } from "../table.ts";
import type { DialogueFacts } from "./dialogue.ts";
import type { MailTally } from "./mail-tally.ts";
import { campaignCsvPath, type OutDirs, shown } from "./out-dir.ts";
import type { SubmittedReturn } from "./setup.ts";

export interface RunFacts {
  year: number;
  submitted: readonly SubmittedReturn[];
  dirs: OutDirs;
  mail: MailTally;
  dialogue: DialogueFacts;
  /** Follow-up records the close opened for the structures in the red band. */
  followups: number;
  seconds: number;
}

/** The review dialogue and the follow-ups, in a few French sentences. */
function dialogueLines(facts: RunFacts): string[] {
  const d = facts.dialogue;
  return [
    "Dialogue avec les structures :",
    `- ${plural(d.accepted, "retour accepté", "retours acceptés")} et verrouillé${d.accepted > 1 ? "s" : ""} par l'Union, ${plural(d.pending, "retour", "retours")} en attente d'examen ;`,
    d.asked
      ? `- ${d.asked} : l'Union a demandé une correction (courriel à la direction), la direction y a répondu par une révision qui explique la valeur, puis l'Union l'a acceptée ;`
      : "- aucune demande de correction : aucun retour ne portait d'avertissement ;",
    `- ${plural(d.explanations, "explication")} de directions sur des avertissements, transmises à l'Union avec leur révision ;`,
    `- ${plural(facts.followups, "fiche")} d'accompagnement ouverte${facts.followups > 1 ? "s" : ""} à la clôture pour les structures en bande rouge (barometre followup list ${facts.year}).`,
  ];
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

function structuresTable(submitted: readonly SubmittedReturn[]): string {
  const rows = submitted.map((s) => {
    const id = s.ret.identification;
    const fragile = s.positioning.fragile
      .map(
        (key) => `${indicator(key).name} (${formatIndicatorValue(key, s.indicators[key].value)})`,
      )
      .join(", ");
    return [id.structureCode ?? "", id.structureName ?? "", id.territory ?? "", fragile || "—"];
  });
  return renderTable(["Code", "Structure", "Territoire", "Indicateurs en bande rouge"], rows);
}

function indicatorsTable(submitted: readonly SubmittedReturn[]): string {
  const byKey = new Map<IndicatorKey, string[]>();
  for (const s of submitted)
    for (const key of s.positioning.fragile)
      byKey.set(key, [...(byKey.get(key) ?? []), s.positioning.structureCode]);
  const rows = INDICATOR_KEYS.filter((key) => byKey.has(key)).map((key) => {
    const codes = byKey.get(key) ?? [];
    return [indicator(key).name, formatNumber(codes.length), codes.join(", ")];
  });
  return renderTable(["Indicateur", "Structures", "Codes"], rows);
}

function filesTable(facts: RunFacts): string {
  const { dirs, mail } = facts;
  const n = facts.submitted.length;
  const sent = (kind: MailKind) => mail.delivered[kind] ?? 0;
  const mails = Object.values(mail.delivered).reduce((a, b) => a + b, 0);
  return renderTable(
    ["Où", "Quoi"],
    [
      [
        `${shown(dirs.workbooks)}/`,
        `${plural(n, "classeur")} de l'ancien outil (dispositions A, B et C), lus par l'import de barometre`,
      ],
      [`${shown(dirs.reports)}/`, `${plural(n, "rapport")} de positionnement, en HTML et en PDF`],
      [
        `${shown(dirs.mail)}/`,
        `${plural(mails, "courriel")} (.eml) : ${plural(sent("report"), "rapport")} aux directions (rapport et synthèse d'une page en PDF joints), ${plural(sent("review"), "demande")} de l'Union à une direction, pour l'Union ${plural(sent("summary"), "synthèse")} du réseau et ${plural(sent("revision"), "avis", "avis")} de retour reçu (exercices ${facts.year - 2}, ${facts.year - 1} et ${facts.year})`,
      ],
      [
        shown(campaignCsvPath(dirs, facts.year)),
        "l'export de la campagne pour Excel (une ligne par structure)",
      ],
      [`${shown(dirs.union)}/`, "la synthèse du réseau pour l'Union, en HTML et en PDF"],
    ],
  );
}

export function runSummary(facts: RunFacts): string {
  const { submitted, year } = facts;
  const fragile = submitted.filter((s) => s.positioning.fragile.length > 0).length;
  return [
    `Baromètre des PIMMS, campagne ${year} de démonstration : ${plural(submitted.length, "retour")} importés de l'ancien outil et envoyés, campagne clôturée et rapports envoyés, en ${duration(facts.seconds)}.`,
    "",
    structuresTable(submitted),
    "",
    `${plural(fragile, "structure")} sur ${formatNumber(submitted.length)} ${fragile > 1 ? "ont" : "a"} au moins un indicateur en bande rouge :`,
    indicatorsTable(submitted),
    "",
    ...dialogueLines(facts),
    "",
    "Fichiers produits :",
    filesTable(facts),
  ].join("\n");
}
