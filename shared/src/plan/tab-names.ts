// Names of the validated tabs in a given workbook: canonical, unless a tab of the user already bears that name.
import { CANONICAL_TABS, TAB_KINDS, type TabNames } from "./layout.ts";

/** Added to a validated tab's name when the user's own tab has the canonical one (short: sheet names stop at 31 characters). */
export const CLASH_SUFFIX = " ✓";

/**
 * The name of each validated tab beside the user's `occupied` tab names. Spreadsheets compare tab names
 * without case, so this does too; the user's tabs are never renamed.
 */
export function planTabNames(occupied: readonly string[] = []): TabNames {
  const taken = new Set(occupied.map((n) => n.toLowerCase()));
  const names = {} as TabNames;
  for (const kind of TAB_KINDS) {
    const base = CANONICAL_TABS[kind];
    let name = base;
    for (let n = 1; taken.has(name.toLowerCase()); n++) {
      name = `${base}${CLASH_SUFFIX}${n > 1 ? n : ""}`;
    }
    taken.add(name.toLowerCase());
    names[kind] = name;
  }
  return names;
}
