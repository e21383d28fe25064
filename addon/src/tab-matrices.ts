// A tab of the plan as the matrices the batched Range setters take, one per attribute actually used.
import type { CellPlan, CellStyle, TabPlan } from "@barometre/shared";

type Range = GoogleAppsScript.Spreadsheet.Range;
type TextStyle = GoogleAppsScript.Spreadsheet.TextStyle;
type Matrix<T> = T[][];

/** Fills a matrix over the tab's rectangle; `used` tells whether any cell has the attribute at all. */
function matrixOf<T>(
  tab: TabPlan,
  width: number,
  read: (cell: CellPlan) => T | undefined,
  fallback: T,
): { matrix: Matrix<T>; used: boolean } {
  let used = false;
  const matrix = tab.cells.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = row[c];
      const value = cell ? read(cell) : undefined;
      if (value === undefined) return fallback;
      used = true;
      return value;
    }),
  );
  return { matrix, used };
}

/** One batched style setter: how to read its attribute from a cell style, its default and its Range method. */
interface StyleSetter<T> {
  read: (style: CellStyle) => T | undefined;
  fallback: T;
  apply: (range: Range, matrix: Matrix<T>) => void;
}

const setter = <T>(s: StyleSetter<T>): StyleSetter<unknown> => s as StyleSetter<unknown>;

/** What text styles leave out, with Sheets' defaults (null resets a colour or alignment). */
const STYLE_SETTERS: readonly StyleSetter<unknown>[] = [
  setter<string | null>({
    read: (s) => s.background,
    fallback: null,
    apply: (r, m) => r.setBackgrounds(m),
  }),
  setter<boolean>({ read: (s) => s.wrap, fallback: false, apply: (r, m) => r.setWraps(m) }),
  setter<"left" | "center" | "right" | null>({
    read: (s) => s.horizontalAlignment,
    fallback: null,
    apply: (r, m) => r.setHorizontalAlignments(m),
  }),
  setter<"top" | "middle" | "bottom" | null>({
    read: (s) => s.verticalAlignment,
    fallback: null,
    apply: (r, m) => r.setVerticalAlignments(m),
  }),
];

/** The cell contents: "=…" for formulas, literal values, "" for untouched cells. */
export function valueMatrix(tab: TabPlan, width: number): Matrix<string | number | boolean> {
  return matrixOf<string | number | boolean>(
    tab,
    width,
    (c) => (c.formula !== undefined ? `=${c.formula}` : (c.value ?? undefined)),
    "",
  ).matrix;
}

export function numberFormatMatrix(tab: TabPlan, width: number) {
  return matrixOf(tab, width, (c) => c.numberFormat, "General");
}

export function noteMatrix(tab: TabPlan, width: number) {
  return matrixOf<string | null>(tab, width, (c) => c.note, null);
}

const hasText = (s: CellStyle) =>
  s.bold || s.italic || s.fontSize !== undefined || s.fontColor !== undefined;

/** A cell style's weight, slant, size and colour as one TextStyle. */
export type TextStyles = (style: CellStyle) => TextStyle;

/** Builds each distinct TextStyle once (builders are local: no call reaches the document). */
export function textStyles(): TextStyles {
  const built = new Map<string, TextStyle>();
  return (s) => {
    const key = JSON.stringify([s.bold, s.italic, s.fontSize, s.fontColor]);
    const known = built.get(key);
    if (known) return known;
    const builder = SpreadsheetApp.newTextStyle();
    if (s.bold) builder.setBold(true);
    if (s.italic) builder.setItalic(true);
    if (s.fontSize !== undefined) builder.setFontSize(s.fontSize);
    if (s.fontColor !== undefined) builder.setForegroundColor(s.fontColor);
    const style = builder.build();
    built.set(key, style);
    return style;
  };
}

/**
 * Applies every style attribute the tab uses: weight, slant, size and colour in one setTextStyles
 * (a cell without any gets the empty style, which sets nothing), then one call per other attribute.
 */
export function applyStyles(range: Range, tab: TabPlan, width: number, styles: TextStyles): void {
  const text = matrixOf(
    tab,
    width,
    (c) => (c.style && hasText(c.style) ? styles(c.style) : undefined),
    styles({}),
  );
  if (text.used) range.setTextStyles(text.matrix);
  for (const s of STYLE_SETTERS) {
    const { matrix, used } = matrixOf(
      tab,
      width,
      (c) => (c.style ? s.read(c.style) : undefined),
      s.fallback,
    );
    if (used) s.apply(range, matrix);
  }
}

export const tabWidth = (tab: TabPlan): number =>
  Math.max(1, ...tab.cells.map((row) => row.length));
