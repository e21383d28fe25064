// The workbook plan's shape: tabs, inputs, validations, names, formats, protections, colours and spreadsheet limits.

import { fixture } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import {
  a1,
  buildWorkbookPlan,
  type CellPlan,
  CLASH_SUFFIX,
  FIELDS,
  field,
  INDICATOR_KEYS,
  INDICATORS,
  inputPosition,
  isoToSerial,
  MEETINGS,
  OFFICERS,
  PLAN_VERSION,
  plannedCell,
  planTabNames,
  type Range0,
  readMarker,
  SECTION_LIST,
  STATUS_COLOURS,
  type TabPlan,
  validationError,
  validationTitle,
  type WorkbookPlan,
} from "../src/index.ts";

const lyon = fixture("01").ret;
const plan = buildWorkbookPlan(lyon);

const inside = (r: Range0, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
const tabOf = (p: WorkbookPlan, name: string) => p.tabs.find((t) => t.name === name) as TabPlan;
const cellAt = (p: WorkbookPlan, tab: string, row: number, col: number) =>
  tabOf(p, tab).cells[row]?.[col] ?? null;

describe("the workbook plan", () => {
  it("has the eight tabs of docs/domain.md in order, each with its marker and the layout version", () => {
    expect(plan.tabs.map((t) => t.name)).toEqual([
      "Identification",
      "Gouvernance",
      "Données financières",
      "Données sociales",
      "Activité",
      "Réseau et communication",
      "Indicateurs",
      "Positionnement",
    ]);
    expect(plan.version).toBe(PLAN_VERSION);
    for (const tab of plan.tabs) {
      const markers = (tab.cells[0] ?? []).map((c) => readMarker(c?.value));
      expect(markers.filter(Boolean), tab.name).toEqual([
        { kind: tab.kind, version: PLAN_VERSION },
      ]);
    }
  });

  it("is dense: every row as wide as the tab, widths and merges inside it", () => {
    for (const tab of plan.tabs) {
      const width = tab.columnWidths.length;
      for (const row of tab.cells) expect(row.length, tab.name).toBe(width);
      for (const m of [...tab.merges, ...tab.protection.editable]) {
        expect(m.right < width && m.bottom < tab.cells.length && m.top <= m.bottom, tab.name).toBe(
          true,
        );
      }
    }
  });

  it("defines exactly the names of docs/schema.md, each on its own cell", () => {
    const expected = [
      ...FIELDS.map((f) =>
        f.section === "governance"
          ? `fld_governance_${f.path.join("_")}`
          : `fld_${f.section}_${f.id}`,
      ),
      ...INDICATOR_KEYS.map((k) => `ind_${k}`),
    ];
    expect(plan.names.map((n) => n.name).sort()).toEqual([...expected].sort());
    const governance = plan.names.filter((n) => n.name.startsWith("fld_governance_"));
    expect(governance).toHaveLength(MEETINGS.length * (1 + OFFICERS.length));
    for (const n of governance) {
      expect(n.name).toMatch(
        /^fld_governance_(caValidation|agCloture|caOrientation)_(date|president|treasurer|secretary)$/,
      );
    }
    const places = plan.names.map((n) => `${n.tab}!${a1(n.row, n.col)}`);
    expect(new Set(places).size).toBe(places.length);
  });

  it("gives every input cell a validation carrying the field's help, a defined name and the imported value", () => {
    for (const f of FIELDS) {
      const named = plan.names.find((n) => n.name === f.name);
      if (!named) throw new Error(`${f.name} is not defined`);
      const cell = cellAt(plan, named.tab, named.row, named.col) as CellPlan;
      expect(cell.validation?.help, f.key).toBe(f.help);
      expect(plannedCell(f.key)).toBe(`'${named.tab}'!${a1(named.row, named.col)}`);
    }
    expect(inputPosition(field("finance.chargesTotal"))).toEqual({
      kind: "finance",
      row: 7,
      col: 1,
    });
    expect(inputPosition(field("governance.agCloture.treasurer"))).toEqual({
      kind: "governance",
      row: 4,
      col: 3,
    });
    const value = (key: string) => {
      const n = plan.names.find((x) => x.name === FIELDS.find((f) => f.key === key)?.name);
      return n && cellAt(plan, n.tab, n.row, n.col)?.value;
    };
    expect(value("finance.chargesTotal")).toBe(627047.63);
    expect(value("governance.caValidation.date")).toBe(isoToSerial("2019-04-09"));
    expect(value("governance.caValidation.president")).toBe("Oui");
    expect(value("network.certificationInPlan")).toBe("Oui");
    expect(value("identification.territory")).toBe("Urbain QPV");
    expect(value("activity.prevReasonsDigital")).toBe(null);
  });

  it("derives each validation and number format from the field's type and rules", () => {
    const rule = (key: string) => {
      const n = plan.names.find((x) => x.name === FIELDS.find((f) => f.key === key)?.name);
      return n ? (cellAt(plan, n.tab, n.row, n.col) as CellPlan) : null;
    };
    expect(rule("network.certificationInPlan")?.validation).toMatchObject({
      kind: "list",
      values: ["Oui", "Non"],
    });
    expect(rule("identification.territory")?.validation).toMatchObject({
      kind: "list",
      values: ["Urbain QPV", "Urbain hors QPV", "Rural"],
    });
    expect(rule("identification.year")?.validation).toMatchObject({
      kind: "number",
      integer: true,
      min: 2010,
      max: 2100,
    });
    expect(rule("identification.year")?.numberFormat).toBe("0");
    expect(rule("social.staffTotal")?.validation).toMatchObject({
      kind: "number",
      integer: true,
      min: 0,
    });
    expect(rule("social.staffTotal")?.numberFormat).toBe("#,##0");
    expect(rule("finance.chargesTotal")?.validation).toMatchObject({
      kind: "number",
      integer: false,
      min: 0,
      exclusiveMin: true,
    });
    expect(rule("finance.chargesTotal")?.numberFormat).toBe('#,##0.00 "€"');
    expect(rule("social.fteFrontDesk")?.validation).toMatchObject({ min: 0, exclusiveMin: true });
    const signed = rule("finance.associationFunds")?.validation;
    expect(signed).toMatchObject({ kind: "number", integer: false });
    expect(signed && "min" in signed).toBe(false);
    expect(rule("governance.agCloture.date")?.validation?.kind).toBe("date");
    expect(rule("governance.agCloture.date")?.numberFormat).toBe("dd/mm/yyyy");
    expect(rule("identification.directorEmail")?.validation?.kind).toBe("email");
    expect(rule("identification.structureName")?.validation?.kind).toBe("text");
  });

  it("marks required fields in their labels", () => {
    for (const f of FIELDS.filter((x) => x.section !== "governance")) {
      const at = inputPosition(f);
      const tab = plan.tabs.find((t) => t.kind === f.section) as TabPlan;
      const label = tab.cells[at.row]?.[0];
      expect(label?.value, f.key).toBe(f.required ? `${f.label} *` : f.label);
      expect(Boolean(label?.style?.bold), f.key).toBe(Boolean(f.required));
    }
  });

  it("protects titles, labels, headers and computed cells but never an input cell", () => {
    for (const tab of plan.tabs) {
      tab.cells.forEach((row, r) => {
        row.forEach((cell, c) => {
          const editable = tab.protection.editable.some((area) => inside(area, r, c));
          expect(editable, `${tab.name}!${a1(r, c)}`).toBe(cell?.validation !== undefined);
        });
      });
    }
  });

  it("leaves each tab's inputs editable in one rectangle, and none in the computed tabs", () => {
    const areas = Object.fromEntries(plan.tabs.map((t) => [t.kind, t.protection.editable]));
    for (const { id } of SECTION_LIST.filter((s) => s.id !== "governance")) {
      expect(areas[id], id).toHaveLength(1);
    }
    // The date and the three officers of each meeting: one block.
    expect(areas.governance).toEqual([
      { top: 3, left: 1, bottom: 2 + MEETINGS.length, right: 1 + OFFICERS.length },
    ]);
    expect(areas.indicators).toEqual([]);
    expect(areas.positioning).toEqual([]);
  });

  it("shows rates as percentages and each status as text coloured by conditional formats", () => {
    const tab = tabOf(plan, "Indicateurs");
    const rows = INDICATORS.map((d, i) => ({ d, row: tab.cells[3 + i] ?? [] }));
    for (const { d, row } of rows) {
      expect(row[1]?.value).toBe(d.name);
      expect(row[2]?.formula).toBeTruthy();
      if (d.unit === "percent") expect(row[2]?.numberFormat).toBe("0.0%");
      expect(row[7]?.value).toBe(d.definition);
      expect(row[8]?.value).toBe(d.formulaInWords);
    }
    expect(tab.conditionalFormats.map((c) => c.text)).toEqual(["Vert", "Orange", "Rouge"]);
  });

  it("colours statuses with WCAG AA contrast", () => {
    const channel = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) =>
        channel(Number.parseInt(hex.slice(i, i + 2), 16) / 255),
      );
      return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
    };
    for (const { background, fontColor } of Object.values(STATUS_COLOURS)) {
      const [hi, lo] = [luminance(background), luminance(fontColor)].sort((a, b) => b - a) as [
        number,
        number,
      ];
      expect((hi + 0.05) / (lo + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("stays within spreadsheet limits: tab names, prompts and messages", () => {
    const clashing = buildWorkbookPlan(null, { occupied: plan.tabs.map((t) => t.name) });
    for (const tab of [...plan.tabs, ...clashing.tabs]) {
      expect(tab.name.length).toBeLessThanOrEqual(31);
      expect(tab.name).not.toMatch(/[*?:/\\[\]]/);
    }
    for (const tab of plan.tabs) {
      for (const cell of tab.cells.flat()) {
        const rule = cell?.validation;
        if (!rule) continue;
        expect(rule.help.length).toBeLessThanOrEqual(255);
        expect(validationTitle(rule).length).toBeLessThanOrEqual(32);
        expect(validationError(rule).length).toBeLessThanOrEqual(225);
      }
    }
  });

  it("writes formulas with functions Google Sheets and Excel evaluate alike", () => {
    const allowed = new Set(["IF", "IFERROR", "AND", "OR", "NOT", "SUM", "ISNUMBER", "LEN"]);
    for (const tab of plan.tabs) {
      for (const cell of tab.cells.flat()) {
        for (const m of cell?.formula?.matchAll(/([A-Z][A-Z0-9.]*)\(/g) ?? []) {
          expect(allowed.has(m[1] as string), m[1]).toBe(true);
        }
      }
    }
  });

  it("is the same plan for the same return (preparing twice changes nothing)", () => {
    expect(buildWorkbookPlan(structuredClone(lyon))).toEqual(plan);
  });
});

describe("validated tab names beside the user's tabs", () => {
  it("keep the canonical name when it is free and take a suffix when a user's tab has it", () => {
    const names = planTabNames([
      "identification",
      "Indicateurs",
      `Gouvernance${CLASH_SUFFIX}`,
      "Gouvernance",
    ]);
    expect(names.identification).toBe(`Identification${CLASH_SUFFIX}`);
    expect(names.indicators).toBe(`Indicateurs${CLASH_SUFFIX}`);
    expect(names.governance).toBe(`Gouvernance${CLASH_SUFFIX}2`);
    expect(names.finance).toBe("Données financières");
    expect(plannedCell("identification.year", names)).toBe(`'Identification${CLASH_SUFFIX}'!B7`);
  });

  it("carry through to the plan's tabs and names", () => {
    const p = buildWorkbookPlan(lyon, { occupied: ["Activité"] });
    expect(p.tabs.map((t) => t.name)).toContain(`Activité${CLASH_SUFFIX}`);
    expect(p.names.find((n) => n.name === "fld_activity_visitors")?.tab).toBe(
      `Activité${CLASH_SUFFIX}`,
    );
  });
});
