// Random mixes of the legacy-workbook variations for property tests, and a planted value for bad-input tests.

import type { SpecValue, WorkbookSpec } from "@barometre/cli/demo";
import { CANONICAL_COLUMNS, type LegacyStyle, labelOf } from "@barometre/cli/demo";
import { FIELDS } from "@barometre/shared";
import fc from "fast-check";

const aliasOf = (aliases: string[]) => fc.constantFrom(...aliases);

/** Any mix of the variations: tab names, columns, spellings, value forms, grid orders, decorations. */
export const legacyStyleArbitrary: fc.Arbitrary<LegacyStyle> = fc.record({
  tabNames: fc.record({
    identification: aliasOf(["Identification", "Onglet identification", "IDENTIFICATION"]),
    governance: aliasOf([
      "Gouvernance",
      "Onglet gouvernance",
      "Onglet onglet gouvernance",
      "Feuil1",
    ]),
    finance: aliasOf(["Données financières", "Donnees financieres", "Finances", "FINANCES"]),
    social: aliasOf(["Données sociales", "Social", "Onglet social"]),
    activity: aliasOf(["Activité", "Activite", "Activité KeepPlace"]),
    network: aliasOf(["Réseau et communication", "Réseau", "Communication"]),
  }),
  identification: fc.constantFrom("own-tab", "top-of-first"),
  labelColumn: fc.integer({ min: 0, max: 2 }),
  valueGap: fc.integer({ min: 1, max: 4 }),
  spelling: fc.nat(5),
  labelCase: fc.constantFrom("asIs", "upper", "lower"),
  decoration: fc.constantFrom("none", "colon", "dash", "bullet", "euroSuffix"),
  numbers: fc.constantFrom("number", "frenchText", "euroText", "formula"),
  space: fc.constantFrom(" ", "\u00a0", "\u202f"),
  dates: fc.constantFrom("date", "serial", "text"),
  presence: fc.constantFrom<readonly [SpecValue, SpecValue]>(
    ["Oui", "Non"],
    ["oui", "non"],
    ["X", null],
    ["x", ""],
    ["O", "N"],
    [1, 0],
    ["1", "0"],
    [true, false],
    ["VRAI", "FAUX"],
    ["TRUE", "FALSE"],
  ),
  empty: fc.constantFrom("blank", "dash", "N/A", "néant", "omit"),
  governanceColumns: fc.shuffledSubarray([...CANONICAL_COLUMNS], { minLength: 4, maxLength: 4 }),
  meetingLabels: fc.constantFrom("long", "short"),
  exitsShortForms: fc.boolean(),
  titleRows: fc.boolean(),
  hiddenNotes: fc.boolean(),
  blankRows: fc.boolean(),
  mergedLabels: fc.boolean(),
  junkRows: fc.constantFrom(0, 0, 50),
});

/** Replaces the value cell of a field written by `legacyWorkbook` in that style (to plant bad values). */
export function setFieldCell(
  spec: WorkbookSpec,
  style: LegacyStyle,
  key: string,
  value: SpecValue,
): void {
  const f = FIELDS.find((x) => x.key === key);
  if (!f) throw new Error(`Unknown field ${key}`);
  const label = labelOf(f, FIELDS.indexOf(f), style);
  for (const sheet of spec.sheets) {
    const row = sheet.rows.find((r) => r[style.labelColumn] === label);
    if (row) {
      row[style.labelColumn + style.valueGap] = value;
      return;
    }
  }
  throw new Error(`No row for ${key}`);
}
