// The summary on top of a structure's report: fragile indicators (red band) first, then orange, green and not computable.
import { type BandSettings, bandsFor, type Status } from "../indicators/bands.ts";
import { indicator } from "../indicators/definitions.ts";
import type { IndicatorPositioning } from "../positioning/index.ts";
import type { IndicatorEntry, SummaryItem } from "./types.ts";
import { BAND_MEANING, count, joinFr } from "./words.ts";

const RANK: Record<Status, number> = { red: 0, orange: 1, green: 2 };
const BAND_NAME: Record<Status, string> = { red: "rouge", orange: "orange", green: "verte" };

function item(entry: IndicatorEntry, status: Status | null): SummaryItem {
  const text =
    status === null
      ? `${entry.name} : non calculable (${entry.reason ?? "donnée manquante"}).`
      : `${entry.name} : ${entry.valueText}, bande ${BAND_NAME[status]} (${BAND_MEANING[status]}).${
          status === "red" && entry.band ? ` Seuils : ${entry.band.thresholds}.` : ""
        }`;
  return { key: entry.key, status, text };
}

export function buildSummary(
  structureName: string,
  positions: readonly IndicatorPositioning[],
  entries: readonly IndicatorEntry[],
  bands?: BandSettings,
): { headline: string; items: SummaryItem[] } {
  const banded = positions
    .map((p, i) => ({ p, entry: entries[i] as IndicatorEntry }))
    .filter(({ p }) => bandsFor(p.key, bands) !== null);
  const rank = (s: Status | null) => (s === null ? 3 : RANK[s]);
  const items = banded
    .map(({ p, entry }) => item(entry, p.status))
    .sort((a, b) => rank(a.status) - rank(b.status));
  const named = (s: Status) =>
    banded.filter(({ p }) => p.status === s).map(({ p }) => indicator(p.key).name);
  const red = named("red");
  const others = (["orange", "green"] as const)
    .map((s) => ({ s, n: named(s).length }))
    .filter(({ n }) => n > 0)
    .map(({ s, n }) => `${count(n, "indicateur")} en bande ${BAND_NAME[s]} (${BAND_MEANING[s]})`);
  const first =
    red.length > 0
      ? `Point d'attention : ${structureName} est en bande rouge (fragilité) sur ${count(red.length, "indicateur")} : ${joinFr(red)}.`
      : `${structureName} n'est en bande rouge (fragilité) sur aucun indicateur.`;
  return {
    headline: others.length > 0 ? `${first} ${capitalise(joinFr(others))}.` : first,
    items,
  };
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
