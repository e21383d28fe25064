// barometre doctor, the Union's data: admins and directory not empty, a campaign open with its deadline still ahead.
import {
  getCampaign,
  listAdmins,
  listCampaignYears,
  listStructures,
  parisDay,
} from "@barometre/functions/admin";
import { daysBetween, deadlineSentence } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { type Finding, fault, holds } from "./findings.ts";

export async function dataFindings(db: Firestore, now: Date): Promise<Finding[]> {
  const [admins, structures, years] = await Promise.all([
    listAdmins(db),
    listStructures(db),
    listCampaignYears(db),
  ]);
  const findings: Finding[] = [
    admins.length > 0
      ? holds("Administrateurs de l'Union", `${admins.length}`)
      : fault(
          "Administrateurs de l'Union",
          "aucun",
          "npx barometre admins add COURRIEL --project ID",
        ),
    structures.length > 0
      ? holds(
          "Annuaire des structures",
          `${structures.length} structure${structures.length > 1 ? "s" : ""}`,
        )
      : fault(
          "Annuaire des structures",
          "vide",
          "npx barometre structures import FICHIER.csv --project ID",
        ),
  ];
  const campaigns = await Promise.all(years.map((y) => getCampaign(db, y)));
  const open = campaigns
    .filter((c) => c?.state === "open")
    .sort((a, b) => (b?.year ?? 0) - (a?.year ?? 0))[0];
  const label = "Campagne ouverte";
  if (!open) {
    findings.push(
      fault(
        label,
        "aucune",
        "npx barometre campaign open ANNÉE --deadline JJ/MM/AAAA --project ID",
      ),
    );
  } else if (open.deadline === null) {
    findings.push(holds(label, `${open.year}, sans date limite`));
  } else {
    const left = daysBetween(parisDay(now), open.deadline);
    const sentence = `${open.year}, ${deadlineSentence(open.deadline, left).toLowerCase()}`;
    findings.push(
      left >= 0
        ? holds(label, sentence)
        : fault(
            label,
            sentence,
            `Reportez la date limite (npx barometre campaign configure ${open.year} --deadline JJ/MM/AAAA) ou clôturez la campagne.`,
          ),
    );
  }
  return findings;
}
