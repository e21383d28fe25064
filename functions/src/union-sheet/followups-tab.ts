// The Accompagnement tab of the Union's sheet: its follow-up of the campaign's fragile structures, one line each.
import { formatDate } from "@barometre/shared";
import { type Followup, outcomeWords } from "../storage/followups.ts";
import { parisTime } from "../util/paris-time.ts";
import type { SheetTab } from "./tables.ts";

export function followupsTab(year: number, records: readonly Followup[]): SheetTab {
  const head = [
    "Code",
    "Structure",
    "État du suivi",
    "Indicateurs en bande rouge (valeurs par année)",
    "Prochaine étape",
    "Dernière note",
    "Notes",
    `Résultat en ${year + 1}`,
  ];
  const rows = records.map((f) => {
    const last = f.notes.at(-1);
    return [
      f.structureCode,
      f.name,
      f.state,
      f.red
        .map((i) => `${i.name} : ${i.history.map((h) => `${h.year} ${h.value}`).join(", ")}`)
        .join(" ; "),
      f.nextStep ? formatDate(f.nextStep) : "",
      last ? `${parisTime.format(last.at.toDate())}, ${last.by} : ${last.text}` : "",
      f.notes.length,
      outcomeWords(f),
    ];
  });
  return {
    kind: "followups",
    title: `Accompagnement ${year}`,
    formats: head.map(() => undefined),
    rows: [head, ...rows],
  };
}
