// What scanning a sheet yields: cells that may hold a field's value, and label rows that match nothing.
import type { RawCell } from "../values/parse.ts";
import type { SheetView } from "./sheet-view.ts";

/** A cell that may hold the value of a field; `raw` is null when the label was found with no value beside it. */
export interface Candidate {
  key: string;
  sheet: SheetView;
  row: number;
  col: number;
  raw: RawCell;
}

/** A row that reads like a label and a value but whose label is not the schema's. */
export interface UnknownLabel {
  sheet: SheetView;
  row: number;
  col: number;
  text: string;
  value: RawCell;
}

/** A text cell of a row with its normalised form. */
export interface RowLabel {
  col: number;
  norm: string;
}
