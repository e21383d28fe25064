// The declarative workbook plan: the validated tabs as data, applied identically by the exceljs and SpreadsheetApp adapters.
import type { Range0 } from "../grid/index.ts";
import type { SectionId } from "../schema/index.ts";

/** What a validated tab holds: one section's inputs, the indicators, or the positioning. */
export type TabKind = SectionId | "indicators" | "positioning";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#rrggbb" */
  fontColor?: string;
  background?: string;
  wrap?: boolean;
  horizontalAlignment?: "left" | "center" | "right";
  verticalAlignment?: "top" | "middle" | "bottom";
}

/** Data validation of an input cell; `help` is the French input message shown when the cell is selected. */
export type ValidationRule =
  | { kind: "list"; values: readonly string[]; help: string }
  | {
      kind: "number";
      integer: boolean;
      min?: number;
      max?: number;
      /** The value must be strictly greater than `min` (a total of charges, front-desk FTE). */
      exclusiveMin?: boolean;
      help: string;
    }
  | { kind: "date"; help: string }
  | { kind: "email"; help: string }
  | { kind: "text"; maxLength?: number; help: string };

export interface CellPlan {
  /** A literal value; dates are written as serial day numbers with a date number format. */
  value?: string | number | boolean | null;
  /** A formula without the leading "=", English function names and commas (Sheets and Excel agree). */
  formula?: string;
  /** A number format code in the invariant syntax ("#,##0.00 \"€\"", "0.0%", "dd/mm/yyyy"), shown fr-FR by the locale. */
  numberFormat?: string;
  style?: CellStyle;
  validation?: ValidationRule;
  /** A cell note. */
  note?: string;
}

/** Conditional format: cells of the range whose text equals `text` get these colours. */
export interface ConditionalFormatPlan {
  range: Range0;
  text: string;
  background: string;
  fontColor: string;
}

/** The whole tab warns before an edit (labels, headers, formulas), except in its input cells. */
export interface ProtectionPlan {
  description: string;
  /** The input cells as the fewest rectangles: typed in without a warning. */
  editable: Range0[];
}

export interface TabPlan {
  /** What the tab is, so an adapter can find the tab it replaces (see findPreparedTabs). */
  kind: TabKind;
  name: string;
  /** Dense rows × columns; null for an untouched cell. */
  cells: (CellPlan | null)[][];
  /** Pixels, one per column (a new Google sheet's columns are 100 wide). */
  columnWidths: number[];
  frozenRows: number;
  merges: Range0[];
  protection: ProtectionPlan;
  conditionalFormats: ConditionalFormatPlan[];
}

/** A workbook-level defined name pointing at one cell: fld_… for inputs, ind_… for indicators. */
export interface NamedCell {
  name: string;
  tab: string;
  row: number;
  col: number;
}

export interface WorkbookPlan {
  /** Version of the layout, written in the workbook so a later version can recognise and upgrade it. */
  version: number;
  tabs: TabPlan[];
  names: NamedCell[];
}
