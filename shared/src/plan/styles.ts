// The look of the validated tabs: a few named styles and the status colours (each pair meets WCAG AA contrast).
import type { Status } from "../indicators/index.ts";
import type { CellStyle } from "./types.ts";

const NAVY = "#1f4e79";

export const STYLES = {
  title: { bold: true, fontSize: 14, fontColor: NAVY },
  marker: { italic: true, fontSize: 8, fontColor: "#595959" },
  intro: { italic: true, fontColor: "#404040" },
  header: { bold: true, fontColor: "#ffffff", background: NAVY, verticalAlignment: "middle" },
  label: { wrap: true, verticalAlignment: "top" },
  requiredLabel: { bold: true, wrap: true, verticalAlignment: "top" },
  /** Cells the user fills: a light background tells them apart from the protected ones. */
  input: { background: "#fff7d6", verticalAlignment: "top" },
  unit: { fontColor: "#404040", verticalAlignment: "top" },
  help: { italic: true, wrap: true, fontColor: "#404040", verticalAlignment: "top" },
  computed: { bold: true, wrap: true, horizontalAlignment: "right", verticalAlignment: "top" },
  status: { bold: true, horizontalAlignment: "center", verticalAlignment: "top" },
  muted: { italic: true, fontColor: "#595959", verticalAlignment: "top" },
} as const satisfies Record<string, CellStyle>;

/** Background and text colour of each status band; the band's name is always written too. */
export const STATUS_COLOURS: Record<Status, { background: string; fontColor: string }> = {
  green: { background: "#d4edda", fontColor: "#0b5d1e" },
  orange: { background: "#ffe5b4", fontColor: "#7a3e00" },
  red: { background: "#f8d7da", fontColor: "#8b0000" },
};
