// The marker cell that makes a validated tab recognisable, whatever its name: its kind and layout version.
import type { WorkbookGrid } from "../grid/index.ts";
import { CANONICAL_TABS, PLAN_VERSION, TAB_KINDS, TITLE_ROW } from "./layout.ts";
import type { TabKind } from "./types.ts";

const MARKER = /^Baromètre des PIMMS · onglet « (.+) » · modèle (\d+)$/;

/** The text of the marker cell, at the right end of a validated tab's title row. */
export function markerText(kind: TabKind, version = PLAN_VERSION): string {
  return `Baromètre des PIMMS · onglet « ${CANONICAL_TABS[kind]} » · modèle ${version}`;
}

export function readMarker(cell: unknown): { kind: TabKind; version: number } | null {
  if (typeof cell !== "string") return null;
  const m = MARKER.exec(cell.trim());
  if (!m) return null;
  const kind = TAB_KINDS.find((k) => CANONICAL_TABS[k] === m[1]);
  return kind ? { kind, version: Number(m[2]) } : null;
}

export interface PreparedTab {
  /** The sheet's actual name. */
  sheet: string;
  kind: TabKind;
  version: number;
}

/** The validated tabs of a workbook of this layout version, found by their marker, in workbook order. */
export function findPreparedTabs(grid: WorkbookGrid): PreparedTab[] {
  const found: PreparedTab[] = [];
  for (const sheet of grid.sheets) {
    for (const cell of sheet.rows[TITLE_ROW] ?? []) {
      const marker = readMarker(cell);
      if (marker?.version === PLAN_VERSION) {
        found.push({ sheet: sheet.name, ...marker });
        break;
      }
    }
  }
  return found;
}
