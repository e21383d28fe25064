// Brings the Union's sheet up to date for a campaign: tabs created once with their formats, then every tab rewritten
// in one values.batchUpdate (RAW values: a structure name is never read as a formula), skipped when unchanged.
// The tabs: structures, network statistics, fragile structures, the status board (Suivi), follow-ups, and peers
// (size bands, custom peer sets, verdicts); a new tab goes last, so the sheet ids of the existing ones stay.
import { createHash } from "node:crypto";
import { a1, cellRef, DEFAULT_MIN_GROUP_SIZE } from "@barometre/shared";
import type { sheets_v4 } from "@googleapis/sheets";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { statusRates, statusRows } from "../status/board.ts";
import { announcedDeadline, getCampaign } from "../storage/campaigns.ts";
import { listStructures } from "../storage/directory.ts";
import { listFollowups } from "../storage/followups.ts";
import { unionSheetDoc } from "../storage/paths.ts";
import { allPeerDecisions } from "../storage/peers.ts";
import { listProgress } from "../storage/progress.ts";
import { listLatest } from "../storage/revisions.ts";
import { asStored } from "../storage/stored.ts";
import { followupsTab } from "./followups-tab.ts";
import { campaignGroups } from "./peer-groups.ts";
import { peersTab } from "./peers-tab.ts";
import type { SheetsApi } from "./sheets-client.ts";
import { sizeBandsOf } from "./size-bands.ts";
import { statusTab } from "./status-tab.ts";
import { type Cell, type SheetTab, unionSheetTabs } from "./tables.ts";

export interface SheetDeps {
  db: Firestore;
  clock: () => Date;
  sheets: SheetsApi;
  spreadsheetId: string;
}

type Extent = { rows: number; columns: number };

/** What the last sync wrote, so the next one blanks rows and columns that are no longer used. */
export interface UnionSheetState {
  year: number;
  spreadsheetId: string;
  hash: string;
  extents: Partial<Record<SheetTab["kind"], Extent>>;
  syncedAt: Timestamp;
  /** Set by an erasure: the next sync must rewrite the tabs even if nothing else changed. */
  dirty: boolean;
}

export type SyncOutcome = "written" | "unchanged";

/** Stable sheet ids per campaign and tab, so the formatting requests can name the tabs they create. */
const sheetIdOf = (year: number, i: number) => year * 10 + i + 1;

interface FoundTab {
  sheetId: number;
  rows: number;
  columns: number;
}

/**
 * The batchUpdate requests that make room for the values: a missing tab is added (header frozen and bold, number
 * formats per column), an existing one too small is enlarged (values.batchUpdate does not grow the grid).
 */
function layoutRequests(
  year: number,
  tabs: readonly { tab: SheetTab; size: Extent }[],
  found: ReadonlyMap<string, FoundTab>,
): sheets_v4.Schema$Request[] {
  return tabs.flatMap(({ tab, size }, i): sheets_v4.Schema$Request[] => {
    const grid = { rowCount: size.rows, columnCount: size.columns };
    const there = found.get(tab.title);
    if (there) {
      if (there.rows >= size.rows && there.columns >= size.columns) return [];
      const bigger = {
        rowCount: Math.max(there.rows, size.rows),
        columnCount: Math.max(there.columns, size.columns),
      };
      return [
        {
          updateSheetProperties: {
            properties: { sheetId: there.sheetId, gridProperties: bigger },
            fields: "gridProperties.rowCount,gridProperties.columnCount",
          },
        },
      ];
    }
    const sheetId = sheetIdOf(year, i);
    const formats = tab.formats.flatMap((pattern, column): sheets_v4.Schema$Request[] =>
      pattern
        ? [
            {
              repeatCell: {
                range: {
                  sheetId,
                  startRowIndex: 1,
                  startColumnIndex: column,
                  endColumnIndex: column + 1,
                },
                cell: { userEnteredFormat: { numberFormat: { type: "NUMBER", pattern } } },
                fields: "userEnteredFormat.numberFormat",
              },
            },
          ]
        : [],
    );
    return [
      {
        addSheet: {
          properties: { sheetId, title: tab.title, gridProperties: { ...grid, frozenRowCount: 1 } },
        },
      },
      {
        repeatCell: {
          range: { sheetId, startRowIndex: 0, endRowIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: "userEnteredFormat.textFormat.bold",
        },
      },
      ...formats,
    ];
  });
}

const extentOf = (tab: SheetTab): Extent => ({
  rows: tab.rows.length,
  columns: Math.max(...tab.rows.map((r) => r.length)),
});

/** The tab's rows, padded with empty cells over what the previous sync wrote. */
function padded(
  tab: SheetTab,
  before: Extent | undefined,
): { range: string; values: Cell[][]; size: Extent } {
  const now = extentOf(tab);
  const size = {
    rows: Math.max(before?.rows ?? 0, now.rows),
    columns: Math.max(before?.columns ?? 0, now.columns),
  };
  const values = Array.from({ length: size.rows }, (_, i) => {
    const row = tab.rows[i] ?? [];
    return [...row, ...Array<Cell>(size.columns - row.length).fill("")];
  });
  return {
    range: `${cellRef(tab.title, 0, 0)}:${a1(size.rows - 1, size.columns - 1)}`,
    values,
    size,
  };
}

export async function syncUnionSheet(deps: SheetDeps, year: number): Promise<SyncOutcome> {
  const [campaign, latest, directory, progress, stateSnap, followups, decisions] =
    await Promise.all([
      getCampaign(deps.db, year),
      listLatest(deps.db, year),
      listStructures(deps.db),
      listProgress(deps.db, year),
      unionSheetDoc(deps.db, year).withConverter(asStored<UnionSheetState>()).get(),
      listFollowups(deps.db, year),
      allPeerDecisions(deps.db, year),
    ]);
  const names = new Map(directory.map((s) => [s.code, s.name]));
  const deadline = campaign ? announcedDeadline(campaign) : null;
  const rows = statusRows(directory, latest, progress, deadline);
  const minGroupSize = campaign?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const groups = campaignGroups(
    latest,
    minGroupSize,
    await sizeBandsOf(deps.db, year, campaign, deps.clock()),
    decisions,
    campaign?.mode === "transparent",
  );
  const tabs = [
    ...unionSheetTabs(year, latest, groups, names, minGroupSize),
    statusTab(year, rows, statusRates(rows, deadline)),
    followupsTab(year, followups),
    peersTab(year, latest, groups, names),
  ];
  const hash = createHash("sha256").update(JSON.stringify(tabs)).digest("hex");
  const state = stateSnap.data() ?? null;
  const sameSheet = state?.spreadsheetId === deps.spreadsheetId;
  if (sameSheet && state.hash === hash && !state.dirty) return "unchanged";

  const { spreadsheetId } = deps;
  const response = await deps.sheets.spreadsheets.get({
    spreadsheetId,
    fields: "sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))",
  });
  const found = new Map(
    (response.data.sheets ?? []).map(({ properties: p }): [string, FoundTab] => [
      p?.title ?? "",
      {
        sheetId: p?.sheetId ?? 0,
        rows: p?.gridProperties?.rowCount ?? 0,
        columns: p?.gridProperties?.columnCount ?? 0,
      },
    ]),
  );
  const before = sameSheet ? state.extents : {};
  const data = tabs.map((tab) => padded(tab, found.has(tab.title) ? before[tab.kind] : undefined));
  const requests = layoutRequests(
    year,
    tabs.map((tab, i) => ({ tab, size: (data[i] as { size: Extent }).size })),
    found,
  );
  if (requests.length)
    await deps.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
  await deps.sheets.spreadsheets.values.batchUpdate({
    spreadsheetId,
    requestBody: {
      valueInputOption: "RAW",
      data: data.map(({ range, values }) => ({ range, majorDimension: "ROWS", values })),
    },
  });
  const next: UnionSheetState = {
    year,
    spreadsheetId,
    hash,
    extents: Object.fromEntries(tabs.map((t) => [t.kind, extentOf(t)])),
    syncedAt: Timestamp.fromDate(deps.clock()),
    dirty: false,
  };
  // Same fields every time: set() leaves the same document whether it replaces or merges.
  await unionSheetDoc(deps.db, year).set(next);
  return "written";
}
