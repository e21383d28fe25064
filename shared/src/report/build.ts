// buildReport: a structure's positioning turned into its French report document (anonymous or transparent).
import { buildBoardSummary } from "./board-summary.ts";
import { structureEntry } from "./entries.ts";
import { METHOD_TITLE, methodSection } from "./method.ts";
import { namedTable } from "./named-table.ts";
import { sectionsOf } from "./sections.ts";
import { buildSummary } from "./summary.ts";
import type { ReportDocument, ReportInput } from "./types.ts";
import { count, dateText, READING } from "./words.ts";

export function buildReport(input: ReportInput): ReportDocument {
  const { campaign, structure, revision, positioning } = input;
  const year = campaign.year;
  const entries = positioning.indicators.map((p) =>
    structureEntry(p, { year, bands: campaign.bands }),
  );
  const peer = positioning.indicators[0]?.group ?? null;
  const transparent = campaign.mode === "transparent";
  const method = methodSection(input);
  const summary = buildSummary(structure.name, positioning.indicators, entries, campaign.bands);
  if (transparent && !input.transparentTable)
    throw new Error("buildReport: transparent mode needs the transparentTable of the campaign");
  const revisionText = `Révision ${revision.number}, transmise le ${dateText(revision.submittedAt)}`;
  const compared = `Comparaison avec ${count(positioning.networkSize, "structure")} du réseau${
    peer ? `, dont ${count(peer.size, "structure")} du groupe ${peer.label}` : ""
  }.`;
  return {
    kind: "structure",
    year,
    mode: campaign.mode,
    title: `Baromètre des PIMMS ${year}`,
    subtitle: `Rapport de positionnement — ${structure.name}`,
    subject: `Baromètre des PIMMS ${year} : le positionnement de ${structure.name}`,
    fileStem: `barometre-${year}-${structure.code}`,
    structure: { ...structure },
    revision: { ...revision, text: revisionText },
    header: [
      `Code structure : ${structure.code} · Type de territoire : ${structure.territory ?? "non renseigné"}`,
      `${revisionText}.`,
      compared,
    ],
    summary,
    board: buildBoardSummary(input, summary.headline),
    sections: sectionsOf(entries),
    legend: {
      text: `${READING.chart("deciles")} ${READING.marker}`,
      marker: true,
      whiskers: "deciles",
    },
    transparentTable:
      transparent && input.transparentTable
        ? namedTable(
            input.transparentTable,
            structure.code,
            `Indicateurs ${year} de toutes les structures (mode transparent)`,
          )
        : null,
    notes: [
      ...method.paragraphs,
      transparent
        ? "Mode transparent, décidé par l'Union pour cette campagne : le tableau nominatif ci-dessus montre les indicateurs de chaque structure du réseau."
        : "Mode anonyme : ce rapport ne montre que vos propres chiffres et des statistiques du réseau ; aucune autre structure n'y est nommée et aucune de ses valeurs n'y figure.",
      "Rapport établi par l'Union nationale des PIMMS à partir des retours du Baromètre.",
    ],
    method: { title: METHOD_TITLE, fiches: method.fiches },
  };
}
