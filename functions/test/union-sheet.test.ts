// The Union's consolidated sheet through the Sheets API, checked at the protocol level against a local server:
// paths, methods, fields, ranges, body shapes, RAW values; one values.batchUpdate per sync, debounced requests.
import {
  bandLabel,
  computeIndicators,
  type DemoStructure,
  formatIndicatorValue,
  formatUnitValue,
  generateNetwork,
  INDICATORS,
  STATUS_LABELS,
} from "@barometre/shared";
import { localWork } from "@barometre/stack";
import { useEmulator } from "@barometre/testing/emulator";
import { seedLatest, storedRevision } from "@barometre/testing/network";
import { type SheetsServer, startSheetsServer } from "@barometre/testing/sheets-server";
import type { Firestore } from "firebase-admin/firestore";
import { OAuth2Client } from "google-auth-library";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eraseStructure } from "../src/retention/structure-data.ts";
import { openCampaign } from "../src/storage/campaigns.ts";
import { saveStructure } from "../src/storage/directory.ts";
import { latestDoc, unionSheetDoc } from "../src/storage/paths.ts";
import { peersInForce, storePeers } from "../src/storage/peers.ts";
import { requestSheetSync } from "../src/union-sheet/request-sync.ts";
import { sheetsClient } from "../src/union-sheet/sheets-client.ts";
import { type SheetDeps, syncUnionSheet } from "../src/union-sheet/sync.ts";

const SHEET = "1UnIoNsHeEt-2018";
const TOKEN = "ya29.local-test-token";
const network = generateNetwork({ size: 40, seed: 11 });
/** The director's explanation of a warning, kept with one structure's revision. */
const EXPLAINED = { "activity.visitors": "Ouverture d'une antenne en mairie de quartier." };
const year = network.year;
const firestore = useEmulator("sheet");
let db: Firestore;
let api: SheetsServer;
let deps: SheetDeps;

/** The Union's charges bands, cut at the network's median; no FTE bands (and no previous campaign to default to). */
const charges = network.structures.map((s) => s.current.finance.chargesTotal as number);
const cut = Math.round(([...charges].sort((a, b) => a - b)[20] as number) / 1000) * 1000;
type Band = { min: number; max: number | null };
const CHARGES: Band[] = [
  { min: 0, max: cut },
  { min: cut, max: null },
];
/** Custom peer sets: by size band, by territory and size band, named (not applying: anonymous campaign), dropped. */
const [bySize, byBoth, named, dropped] = network.structures.slice(2, 6) as DemoStructure[];
const CHOICES = [
  [bySize, { chargesBand: 0 }],
  [byBoth, { territory: byBoth?.territory, chargesBand: 1 }],
  // Naming the structure the erasure test erases.
  [named, { codes: network.structures.slice(5, 11).map((s) => s.code) }],
  [dropped, null],
] as const;

/** A directory name that would run as a formula if the sheet interpreted it. */
const TRICKY = '=IMPORTXML("http://evil.example";"//a")';

beforeAll(async () => {
  db = firestore().db;
  api = await startSheetsServer(SHEET, TOKEN);
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  deps = {
    db,
    clock: () => new Date(),
    sheets: await sheetsClient({ rootUrl: api.url, auth }),
    spreadsheetId: SHEET,
  };
  await openCampaign(
    db,
    year,
    { sizeBands: { charges: CHARGES } },
    "union@pimms.example",
    new Date(),
  );
  for (const [s, choice] of CHOICES)
    await storePeers(db, year, (s as DemoStructure).code, choice, "d@pimms.example", new Date());
  await Promise.all(
    network.structures.map((s, i) =>
      saveStructure(
        db,
        {
          code: s.code,
          name: i === 0 ? TRICKY : s.name,
          territory: s.territory,
          emails: ["d@pimms.example"],
        },
        new Date(),
      ),
    ),
  );
  await seedLatest(
    db,
    network.structures.map((s, i) => ({
      ...storedRevision(s.current),
      explanations: i === 1 ? EXPLAINED : {},
    })),
  );
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.requests.length = 0;
});

const valuesWrites = () => api.requests.filter((r) => r.path.endsWith("/values:batchUpdate"));
const rowOf = (code: string) =>
  api.tabs.get(`Structures ${year}`)?.values.find((r) => r[0] === code);

/** The verdict's words for a value among others, read independently: the extremes first, then the middle. */
function placed(value: number, values: number[], scope: string): RegExp {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const words =
    low === high
      ? "au même niveau que toutes"
      : value >= high
        ? "au niveau le plus haut"
        : value <= low
          ? "au niveau le plus bas"
          : "dans (le quart le plus (haut|bas)|la moitié centrale)";
  return new RegExp(`^${words}${scope}$`);
}

describe("syncUnionSheet", () => {
  it("creates the six tabs once, then writes every row in one RAW values.batchUpdate", async () => {
    expect(await syncUnionSheet(deps, year)).toBe("written");
    const [get, layout, values] = api.requests;
    expect(api.requests).toHaveLength(3);
    expect(get).toMatchObject({
      method: "GET",
      path: `/v4/spreadsheets/${SHEET}`,
      query: { fields: "sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))" },
      authorization: `Bearer ${TOKEN}`,
    });
    expect(layout).toMatchObject({ method: "POST", path: `/v4/spreadsheets/${SHEET}:batchUpdate` });
    const requests = layout?.body?.requests ?? [];
    const added = requests.flatMap((r) => r.addSheet?.properties ?? []);
    expect(added.map((p) => p.title)).toEqual([
      `Structures ${year}`,
      `Réseau ${year}`,
      `Fragilités ${year}`,
      `Suivi ${year}`,
      `Accompagnement ${year}`,
      `Pairs ${year}`,
    ]);
    for (const p of added) expect(p.gridProperties?.frozenRowCount).toBe(1);
    const formats = requests
      .filter((r) => r.repeatCell?.fields === "userEnteredFormat.numberFormat")
      .map((r) => r.repeatCell?.cell?.userEnteredFormat?.numberFormat?.pattern);
    expect(formats).toContain("0.0%");
    expect(values).toMatchObject({
      method: "POST",
      path: `/v4/spreadsheets/${SHEET}/values:batchUpdate`,
    });
    expect(values?.body?.valueInputOption).toBe("RAW");
    const data = values?.body?.data ?? [];
    const ranges = data.map((d) => d.range);
    expect(ranges[0]).toMatch(new RegExp(`^'Structures ${year}'!A1:[A-Z]+41$`));
    expect(ranges[1]).toMatch(new RegExp(`^'Réseau ${year}'!A1:L\\d+$`));
    expect(ranges[2]).toMatch(new RegExp(`^'Fragilités ${year}'!A1:F\\d+$`));
    for (const d of data) expect(d.majorDimension).toBe("ROWS");
  });

  it("writes each structure's latest indicators as numbers with their bands in words, and its name as text", () => {
    const header = api.tabs.get(`Structures ${year}`)?.values[0] as string[];
    for (const [i, s] of network.structures.entries()) {
      const row = rowOf(s.code) as (string | number)[];
      expect(row[1]).toBe(i === 0 ? TRICKY : s.name);
      expect(row.slice(2, 4)).toEqual([s.territory, 1]);
      const indicators = computeIndicators(s.current);
      for (const def of INDICATORS) {
        const at = header.indexOf(`${def.number}. ${def.name}`);
        const { value, status } = indicators[def.key];
        expect(row[at], `${s.code} ${def.key}`).toEqual(
          value === null
            ? "non calculable"
            : typeof value === "boolean"
              ? value
                ? "Oui"
                : "Non"
              : value,
        );
        const band = header.indexOf(`Bande ${def.number}. ${def.name}`);
        if (band >= 0) expect(row[band]).toBe(status ? STATUS_LABELS[status] : "");
      }
    }
  });

  it("shows who attests each return and the director's explanations, in the last two columns", () => {
    const header = api.tabs.get(`Structures ${year}`)?.values[0] as string[];
    expect(header.slice(-2)).toEqual(["Attestée par", "Explications de la structure"]);
    const [plain, explained] = network.structures.map((s) => rowOf(s.code) as string[]);
    expect(plain?.slice(-2)).toEqual(["Claire Martin (direction)", ""]);
    expect(explained?.slice(-2)).toEqual([
      "Claire Martin (direction)",
      "Personnes accueillies : Ouverture d'une antenne en mairie de quartier.",
    ]);
  });

  it("lists the fragile structures of each indicator, and the network's statistics", () => {
    const fragile = api.tabs.get(`Fragilités ${year}`)?.values.slice(1) ?? [];
    const expected = network.structures.flatMap((s) => {
      const ind = computeIndicators(s.current);
      return INDICATORS.filter((d) => ind[d.key].status === "red").map((d) => [
        `${d.number}. ${d.name}`,
        s.code,
        formatIndicatorValue(d.key, ind[d.key].value),
      ]);
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(fragile.map((r) => [r[0], r[1], r[4]]).sort()).toEqual(expected.sort());
    const network2 = api.tabs.get(`Réseau ${year}`)?.values ?? [];
    const line = network2.find((r) => r[0] === "3. Taux de formation" && r[1] === "Réseau");
    expect(line?.slice(2, 4)).toEqual([40, 40]);
    expect(line?.[6]).toMatch(/^\d+,\d[\u00a0\u202f]%$/);
  });

  it("shows each structure's size bands, its chosen peer set and its verdicts against its peers", () => {
    const [head, ...rows] = api.tabs.get(`Pairs ${year}`)?.values ?? [];
    const at = (title: string) => (head as string[]).indexOf(title);
    const cell = (code: string, title: string) => rows.find((r) => r[0] === code)?.[at(title)];
    const inBand = (s: DemoStructure, band: number) =>
      band === 0
        ? (s.current.finance.chargesTotal as number) < cut
        : (s.current.finance.chargesTotal as number) >= cut;
    expect(rows).toHaveLength(network.structures.length);
    for (const s of network.structures) {
      const band = inBand(s, 0) ? 0 : 1;
      const label = bandLabel("charges", CHARGES[band] as Band);
      expect(cell(s.code, "Tranche de charges")).toBe(label);
      expect(cell(s.code, "Structures de la tranche de charges")).toBe(
        network.structures.filter((o) => inBand(o, band)).length,
      );
      expect(cell(s.code, "Tranche d'effectif")).toBe("pas de tranches");
    }
    const members = (test: (o: DemoStructure) => boolean) => network.structures.filter(test);
    const sets = [
      [bySize, "Critères", members((o) => inBand(o, 0)), bandLabel("charges", CHARGES[0] as Band)],
      [byBoth, "Critères", members((o) => o.territory === byBoth?.territory && inBand(o, 1)), null],
    ] as const;
    for (const [s, kind, group, words] of sets) {
      const code = (s as DemoStructure).code;
      expect(cell(code, "Groupe de pairs choisi")).toBe(kind);
      if (words) expect(cell(code, "Définition du groupe choisi")).toBe(words);
      expect(cell(code, "Structures du groupe choisi")).toBe(group.length);
      expect(cell(code, "Choix fait pour la campagne")).toBe(year);
      expect(cell(code, "Position comparée à")).toBe("Pairs choisis");
      // Each verdict against an independent reading of the group's values (a chooser need not meet its criteria).
      const own = computeIndicators((s as DemoStructure).current);
      for (const def of INDICATORS.filter((d) => d.unit !== "bool")) {
        const verdict = cell(code, `Position ${def.number}. ${def.name}`);
        const value = own[def.key].value as number | null;
        const values = group
          .map((o) => computeIndicators(o.current)[def.key].value as number | null)
          .filter((v): v is number => v !== null);
        const everyone = network.structures
          .map((o) => computeIndicators(o.current)[def.key].value as number | null)
          .filter((v): v is number => v !== null);
        if (value === null) expect(verdict).toBe("non comparable : valeur non calculable");
        // A group of fewer than five values says nothing: the network's verdict then, named.
        else if (values.length < 5) expect(verdict).toMatch(placed(value, everyone, " du réseau"));
        else expect(verdict).toMatch(placed(value, values, ""));
      }
    }
    // The three rural structures: a territory too small, so the network's verdicts, named.
    const rural = network.structures.find((o) => o.territory === "Rural") as DemoStructure;
    expect(network.structures.filter((o) => o.territory === "Rural").length).toBeLessThan(5);
    const ruralVerdicts = (rows.find((r) => r[0] === rural.code) as string[]).slice(
      at("Position 1. Régularité des instances"),
    );
    expect(ruralVerdicts.every((v) => / du réseau$|^non comparable : valeur/.test(v))).toBe(true);
    const namedCode = (named as DemoStructure).code;
    expect(cell(namedCode, "Groupe de pairs choisi")).toBe("Structures nommées");
    expect(cell(namedCode, "Remarque")).toMatch(/^ne s'applique pas : .*campagne transparente$/);
    expect(cell(namedCode, "Position comparée à")).toBe(named?.territory);
    expect(cell((dropped as DemoStructure).code, "Groupe de pairs choisi")).toBe("Non");
    expect(cell((dropped as DemoStructure).code, "Choix fait pour la campagne")).toBe(year);
    expect(cell(network.structures[0]?.code as string, "Choix fait pour la campagne")).toBe("");
  });

  it("gives the Union the size groups' and custom sets' statistics with their extremes", () => {
    const lines = api.tabs.get(`Réseau ${year}`)?.values ?? [];
    const small = network.structures.filter(
      (s) => (s.current.finance.chargesTotal as number) < cut,
    );
    const bandLine = lines.find(
      (r) =>
        r[0] === "3. Taux de formation" &&
        r[1] === `Tranche ${bandLabel("charges", CHARGES[0] as Band)}`,
    );
    expect(bandLine?.[2]).toBe(small.length);
    const rates = small.map((s) => computeIndicators(s.current).trainingRate.value as number);
    expect(bandLine?.[4]).toBe(formatUnitValue("percent", Math.min(...rates)));
    expect(bandLine?.[8]).toBe(formatUnitValue("percent", Math.max(...rates)));
    const custom = lines.filter(
      (r) => r[0] === "3. Taux de formation" && String(r[1]).startsWith("Groupe de pairs choisis"),
    );
    expect(custom.map((r) => r[1])).toEqual([
      expect.stringMatching(new RegExp(`choisi par ${(bySize as DemoStructure).code}$`)),
      expect.stringMatching(new RegExp(`choisi par ${(byBoth as DemoStructure).code}$`)),
    ]);
  });

  it("calls nothing when nothing changed", async () => {
    expect(await syncUnionSheet(deps, year)).toBe("unchanged");
    expect(api.requests).toHaveLength(0);
  });

  it("drops an erased structure's row at the next sync, blanking the rows no longer used", async () => {
    const gone = network.structures[5] as DemoStructure;
    await eraseStructure(db, gone.code);
    expect((await unionSheetDoc(db, year).get()).get("dirty")).toBe(true);
    expect(await syncUnionSheet(deps, year)).toBe("written");
    expect(valuesWrites()).toHaveLength(1);
    expect(
      api.requests.filter((r) => r.path.endsWith(":batchUpdate") && !r.path.includes("values")),
    ).toHaveLength(0);
    expect(rowOf(gone.code)).toBeUndefined();
    const data = valuesWrites()[0]?.body?.data?.[0];
    expect(data?.range).toMatch(/!A1:[A-Z]+41$/);
    expect(data?.values?.[40]?.every((c) => c === "")).toBe(true);
    expect((await unionSheetDoc(db, year).get()).get("dirty")).toBe(false);
    // Not even in the set another structure named: erasure took it out of that set, so no remark counts it.
    const pairs = api.tabs.get(`Pairs ${year}`)?.values ?? [];
    expect(pairs.flat().some((c) => String(c).includes(gone.code))).toBe(false);
    const remark = (pairs[0] as string[]).indexOf("Remarque");
    expect(pairs.find((r) => r[0] === named?.code)?.[remark]).not.toMatch(/plus dans l'annuaire/);
    const kept = await peersInForce(db, year, named?.code as string);
    expect(kept?.choice && "codes" in kept.choice && kept.choice.codes).not.toContain(gone.code);
  });

  it("enlarges a tab's grid before writing more rows than it has", async () => {
    const extra = generateNetwork({ size: 60, seed: 12 }).structures.slice(40);
    await seedLatest(
      db,
      extra.map((s) => storedRevision(s.current)),
    );
    expect(await syncUnionSheet(deps, year)).toBe("written");
    const layout = api.requests.find((r) => r.path.endsWith(`${SHEET}:batchUpdate`));
    const grow = layout?.body?.requests?.find(
      (r) => r.updateSheetProperties,
    )?.updateSheetProperties;
    expect(grow).toMatchObject({
      properties: { gridProperties: { rowCount: 60 } },
      fields: "gridProperties.rowCount,gridProperties.columnCount",
    });
    expect(rowOf(extra[0]?.code as string)).toBeDefined();
  });

  it("runs once for all the revisions of a 30-second window", async () => {
    await latestDoc(db, year, (network.structures[1] as DemoStructure).code).update({ number: 2 });
    const work = localWork({
      db,
      unionSheet: { spreadsheetId: SHEET, sheets: deps.sheets },
      clock: () => new Date(Date.UTC(2019, 4, 1, 8, 0, 10)),
      queue: { delayMs: () => 0 },
    });
    for (let k = 0; k < 5; k++) await requestSheetSync(work.deps, year);
    await work.queues.idle();
    expect(work.queues.sheetSync.counts.completed).toBe(1);
    expect(valuesWrites()).toHaveLength(1);
  });
});
