// A purge's report in French: the table `barometre retention run` prints, and the audit log's one-line detail.
import { formatNumber, RETENTION } from "@barometre/shared";
import type { PurgeLine } from "./purge.ts";

const days = (n: number) => `${formatNumber(n)} jour${n > 1 ? "s" : ""}`;

const ages = (l: PurgeLine) =>
  l.minAgeDays === l.maxAgeDays
    ? days(l.minAgeDays)
    : `${formatNumber(l.minAgeDays)} à ${days(l.maxAgeDays)}`;

/** Rows of Type, Campagne, Éléments, Âge (days since the retention started). */
export const purgeRows = (lines: readonly PurgeLine[]): string[][] =>
  lines.map((l) => [RETENTION[l.kind].label, String(l.year), formatNumber(l.count), ages(l)]);

export const PURGE_HEADER = ["Données", "Campagne", "Éléments", "Conservées depuis"];

/** "retours et révisions 2018 : 1 204 ; …": counts only, no structure. */
export const purgeDetail = (lines: readonly PurgeLine[]): string =>
  lines.map((l) => `${RETENTION[l.kind].label} ${l.year} : ${formatNumber(l.count)}`).join(" ; ");
