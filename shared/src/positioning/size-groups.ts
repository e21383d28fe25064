// Size groups: structures compared with those of a similar size, by total charges and by FTE, in bands the Union sets per campaign (by default the terciles of the previous campaign, rounded).
import type { PimmsReturn } from "../schema/index.ts";
import { type GroupIndex, indexPopulation, type Member } from "../stats/population.ts";
import { quantileSorted } from "../stats/quantile.ts";
import { formatNumber } from "../values/format.ts";

/** From `min` (included) to `max` (excluded); null: no upper end. */
export interface SizeBand {
  min: number;
  max: number | null;
}

export const SIZE_DIMENSIONS = ["charges", "fte"] as const;
export type SizeDimension = (typeof SIZE_DIMENSIONS)[number];
export type SizeBands = Record<SizeDimension, SizeBand[]>;

/** A structure's size as the bands read it. */
export type StructureSize = Record<SizeDimension, number | null>;

/** "Les tranches du total des charges". */
export const DIMENSION_NAMES: Record<SizeDimension, string> = {
  charges: "du total des charges",
  fte: "de l'effectif en ETP",
};

/** How a band is named in a group's label. */
const SHORT_NAMES: Record<SizeDimension, string> = { charges: "charges", fte: "effectif" };

export function sizeOf(ret: PimmsReturn): StructureSize {
  return { charges: ret.finance.chargesTotal ?? null, fte: ret.social.fteTotal ?? null };
}

const amount = (d: SizeDimension, v: number) =>
  `${formatNumber(v, v % 1 ? 1 : 0)}\u00a0${d === "charges" ? "€" : "ETP"}`;

/** "charges 300 000–600 000 €", "charges < 300 000 €", "effectif ≥ 20 ETP": short, for a chart's row. */
export function bandLabel(d: SizeDimension, b: SizeBand): string {
  const name = SHORT_NAMES[d];
  if (b.max === null) return `${name} ≥ ${amount(d, b.min)}`;
  if (b.min === 0) return `${name} < ${amount(d, b.max)}`;
  const low = formatNumber(b.min, b.min % 1 ? 1 : 0);
  return `${name} ${low}–${amount(d, b.max)}`;
}

/**
 * Why these bands cannot be used, in French, or null: they must start at 0, each one where the previous one
 * ends (no overlap, no gap), each end above its start, and the last one open.
 */
export function bandsProblem(d: SizeDimension, bands: readonly SizeBand[]): string | null {
  const name = `Les tranches ${DIMENSION_NAMES[d]}`;
  if (bands.length < 2) return `${name} doivent être au moins deux.`;
  if (bands[0]?.min !== 0) return `${name} doivent commencer à 0.`;
  for (const [i, b] of bands.entries()) {
    const label = `la tranche n° ${i + 1}`;
    if (!Number.isFinite(b.min) || (b.max !== null && !Number.isFinite(b.max)))
      return `${name} : ${label} a une borne qui n'est pas un nombre.`;
    if (b.max !== null && b.max <= b.min) return `${name} : ${label} finit avant de commencer.`;
    if (b.max === null && i < bands.length - 1)
      return `${name} : seule la dernière tranche peut être sans limite haute.`;
    const before = bands[i - 1];
    if (before?.max != null && b.min < before.max)
      return `${name} se chevauchent : ${label} commence avant la fin de la précédente.`;
    if (before?.max != null && b.min > before.max)
      return `${name} laissent un trou entre ${amount(d, before.max)} et ${amount(d, b.min)}.`;
  }
  if (bands[bands.length - 1]?.max !== null)
    return `${name} doivent finir par une tranche sans limite haute.`;
  return null;
}

/** Two significant digits: 312 456 → 310 000, 7,64 → 7,6. */
const rounded = (x: number): number => (x > 0 ? Number(x.toPrecision(2)) : 0);

/** The network's terciles of the previous campaign, rounded; null for a dimension with too few values. */
export function defaultSizeBands(previous: readonly Member[]): Partial<SizeBands> {
  const out: Partial<SizeBands> = {};
  for (const d of SIZE_DIMENSIONS) {
    const values = Float64Array.from(
      previous.flatMap((m) => (typeof m.size?.[d] === "number" ? [m.size[d] as number] : [])),
    ).sort();
    const [t1, t2] = [
      rounded(quantileSorted(values, 1 / 3)),
      rounded(quantileSorted(values, 2 / 3)),
    ];
    if (values.length < 3 || !(t1 > 0 && t2 > t1)) continue;
    out[d] = [
      { min: 0, max: t1 },
      { min: t1, max: t2 },
      { min: t2, max: null },
    ];
  }
  return out;
}

/** One size group of the campaign: its band, label and statistics. */
export interface SizeGroup {
  dimension: SizeDimension;
  band: SizeBand;
  label: string;
  index: GroupIndex;
}

const inBand = (v: number, b: SizeBand) => v >= b.min && (b.max === null || v < b.max);

/** Every band of every dimension, its members' statistics indexed once for the whole campaign. */
export function indexSizeGroups(
  members: readonly Member[],
  bands: Partial<SizeBands>,
  minGroupSize: number,
): SizeGroup[] {
  return SIZE_DIMENSIONS.flatMap((d) =>
    (bands[d] ?? []).map((band) => ({
      dimension: d,
      band,
      label: bandLabel(d, band),
      index: indexPopulation(
        members.filter((m) => typeof m.size?.[d] === "number" && inBand(m.size[d] as number, band)),
        minGroupSize,
      ).network,
    })),
  );
}

/** The structure's own group in each dimension, when its size is known. */
export function groupsOf(member: Member, groups: readonly SizeGroup[]): SizeGroup[] {
  return groups.filter((g) => {
    const v = member.size?.[g.dimension];
    return typeof v === "number" && inBand(v, g.band);
  });
}
