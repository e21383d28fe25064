// Colours of the report, chosen for WCAG 2.1 AA contrast (text ≥ 4.5:1 on its background); a band is always written too.
import type { Status } from "@barometre/shared";

export const INK = "#1f2937";
export const MUTED = "#4b5563";
export const TITLE = "#1e3a8a";
export const RULE = "#d1d5db";
export const PAGE = "#f3f4f6";
export const WHITE = "#ffffff";

/** Chart colours: box, whiskers, median and the structure's marker. */
export const CHART = {
  box: "#c7d2fe",
  boxStroke: "#3730a3",
  whisker: "#4b5563",
  median: "#111827",
  marker: "#9d174d",
  stripe: "#f9fafb",
};

/** Background, text and accent of each band. */
export const BAND: Record<Status, { bg: string; fg: string; accent: string }> = {
  red: { bg: "#fde8e8", fg: "#8a1c1c", accent: "#c81e1e" },
  orange: { bg: "#fff1d6", fg: "#7a3e00", accent: "#b45309" },
  green: { bg: "#e3f4e8", fg: "#135e2c", accent: "#15803d" },
};
