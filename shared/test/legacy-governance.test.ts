// Reading the governance tables of legacy workbooks: meetings and officers.
import { describe, expect, it } from "vitest";
import { type Cell, MEETINGS, OFFICERS } from "../src/index.ts";
import { findingsOn, read, sheet, unknownLabels } from "./legacy-grid.ts";

const COLUMNS = ["Date", "Président", "Trésorier", "Secrétaire"] as const;

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** One meeting's cells in the given column order. */
function meetingRow(label: string, order: readonly string[], values: Record<string, Cell>): Cell[] {
  return [label, ...order.map((column) => values[column] ?? null)];
}

describe("the governance grid", () => {
  it.each(permutations(COLUMNS).map((order) => [order.join(", "), order]))(
    "reads columns in the order %s",
    (_, order) => {
      const result = read(
        sheet("Gouvernance", [
          ["Instance", ...order],
          meetingRow("CA de validation des comptes", order, {
            Date: "09/04/2019",
            Président: "Oui",
            Trésorier: "Non",
            Secrétaire: "Oui",
          }),
          meetingRow("AG de clôture des comptes", order, {
            Date: new Date(Date.UTC(2019, 5, 23)),
            Président: "Non",
            Trésorier: "Oui",
            Secrétaire: "Non",
          }),
          meetingRow("CA d'orientation", order, {
            Date: 43776,
            Président: "X",
            Trésorier: "",
            Secrétaire: "x",
          }),
        ]),
      );
      expect(result.ret.governance).toEqual({
        caValidation: { date: "2019-04-09", president: true, treasurer: false, secretary: true },
        agCloture: { date: "2019-06-23", president: false, treasurer: true, secretary: false },
        caOrientation: { date: "2019-11-07", president: true, treasurer: false, secretary: true },
      });
      const dateCol = String.fromCharCode(66 + order.indexOf("Date"));
      expect(result.cells["governance.agCloture.date"]).toBe(`'Gouvernance'!${dateCol}3`);
      expect(unknownLabels(result)).toEqual([]);
    },
  );

  it.each(MEETINGS.flatMap((m) => [m.label, ...m.synonyms].map((label) => ({ id: m.id, label }))))(
    "recognises the meeting « $label »",
    ({ id, label }) => {
      const result = read(
        sheet("Vie associative", [
          ["", ...COLUMNS],
          [label, "01/03/2019", "Oui", "Oui", "Oui"],
        ]),
      );
      expect(result.ret.governance[id]).toEqual({
        date: "2019-03-01",
        president: true,
        treasurer: true,
        secretary: true,
      });
    },
  );

  it.each(
    OFFICERS.flatMap((o) => [o.label, ...o.synonyms].map((header) => ({ id: o.id, header }))),
  )("recognises the officer column « $header »", ({ id, header }) => {
    const result = read(
      sheet("Gouvernance", [
        ["Instance", "Date", header.toUpperCase()],
        ["AG", "01/03/2019", "oui"],
      ]),
    );
    expect(result.ret.governance.agCloture[id]).toBe(true);
  });

  it.each([
    ["Oui", true],
    ["oui", true],
    ["O", true],
    ["X", true],
    ["x", true],
    ["1", true],
    [1, true],
    ["TRUE", true],
    ["VRAI", true],
    [true, true],
    ["Non", false],
    ["N", false],
    ["0", false],
    [0, false],
    ["FALSE", false],
    ["FAUX", false],
    [false, false],
    [null, false],
    ["", false],
  ] as [Cell, boolean][])("reads the presence %j as %s", (raw, want) => {
    const result = read(
      sheet("Gouvernance", [
        ["Instance", "Date", "Président"],
        ["AG", "01/03/2019", raw],
      ]),
    );
    expect(result.ret.governance.agCloture.president).toBe(want);
    expect(findingsOn(result, "governance.agCloture.president")).toEqual([]);
  });

  it("reads meetings below blank and hidden rows, with the labels in another column", () => {
    const result = read(
      sheet(
        "Onglet gouvernance",
        [
          [],
          [null, null, "Instance", "Président", "Date", "Trésorier", "Secrétaire"],
          [],
          [null, null, "Remarque : à compléter"],
          [null, null, "CA validation", "oui", 43570, "oui", "oui"],
          [null, null, "AG", "oui", 43633, "non", "oui"],
          [],
          [null, null, "CA orientation", "non", null, "non", "non"],
        ],
        { hiddenRows: [3] },
      ),
    );
    expect(result.ret.governance.caValidation).toEqual({
      date: "2019-04-15",
      president: true,
      treasurer: true,
      secretary: true,
    });
    expect(result.ret.governance.agCloture.treasurer).toBe(false);
    expect(result.ret.governance.caOrientation.date).toBeNull();
    expect(result.cells["governance.caValidation.date"]).toBe("'Onglet gouvernance'!E5");
  });

  it("reports a presence without a meeting date on the presence cell", () => {
    const result = read(
      sheet("Gouvernance", [
        ["Instance", "Date", "Président", "Trésorier"],
        ["CA d'orientation", null, "Oui", "Non"],
      ]),
    );
    const [finding] = findingsOn(result, "governance.caOrientation.president");
    expect(finding).toMatchObject({ severity: "error", cell: "'Gouvernance'!C2" });
    expect(findingsOn(result, "governance.caOrientation.treasurer")).toEqual([]);
  });

  it("reports a presence that does not parse, and a date that does not parse", () => {
    const result = read(
      sheet("Gouvernance", [
        ["Instance", "Date", "Président"],
        ["AG", "bientôt", "peut-être"],
      ]),
    );
    expect(findingsOn(result, "governance.agCloture.date")[0]).toMatchObject({
      severity: "error",
      cell: "'Gouvernance'!B2",
    });
    expect(findingsOn(result, "governance.agCloture.president")[0]).toMatchObject({
      severity: "error",
      cell: "'Gouvernance'!C2",
    });
  });

  it("reports the meetings and columns it cannot find as warnings", () => {
    const result = read(
      sheet("Gouvernance", [
        ["Instance", "Date", "Président"],
        ["AG", "01/03/2019", "Oui"],
      ]),
    );
    expect(findingsOn(result, "governance.agCloture.secretary")).toEqual([
      expect.objectContaining({ severity: "warning", cell: null }),
    ]);
    expect(findingsOn(result, "governance.caOrientation.date")).toEqual([
      expect.objectContaining({ severity: "warning", cell: null }),
    ]);
  });

  it("ignores a meeting row too far below its header", () => {
    const rows: Cell[][] = [
      ["Instance", "Date", "Président"],
      ...Array.from({ length: 20 }, (): Cell[] => []),
    ];
    rows.push(["AG", "01/03/2019", "Oui"]);
    const result = read(sheet("Gouvernance", rows));
    expect(result.cells["governance.agCloture.date"]).toBeUndefined();
  });
});
