// A local stand-in for the Sheets API v4 on 127.0.0.1: it records every request and keeps the tabs, grids and
// values it is sent, refusing what Google refuses (no token, unknown tab, values beyond the grid).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseCellRef } from "@barometre/shared";
import type { sheets_v4 } from "@googleapis/sheets";

/** A body the client sends: a batchUpdate's requests, or a values.batchUpdate's ranges. */
export type SheetsBody = sheets_v4.Schema$BatchUpdateSpreadsheetRequest &
  sheets_v4.Schema$BatchUpdateValuesRequest;

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  /** Null for a request without a body (a GET). */
  body: SheetsBody | null;
}

interface Tab {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  values: (string | number)[][];
}

export interface SheetsServer {
  /** The rootUrl to give the client. */
  url: string;
  requests: RecordedRequest[];
  tabs: Map<string, Tab>;
  close(): Promise<void>;
}

const A1_RANGE = /^('(?:[^']|'')+')!([A-Z]+\d+):([A-Z]+\d+)$/;

function writeRange(tabs: Map<string, Tab>, range: string, values: (string | number)[][]): number {
  const m = A1_RANGE.exec(range);
  if (!m) throw new Error(`Unable to parse range: ${range}`);
  const from = parseCellRef(`${m[1]}!${m[2]}`);
  const to = parseCellRef(`${m[1]}!${m[3]}`);
  const tab = tabs.get(from?.sheet ?? "");
  if (!from || !to || !tab) throw new Error(`Unable to parse range: ${range}`);
  if (to.row >= tab.rowCount || to.col >= tab.columnCount)
    throw new Error(
      `Range (${range}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`,
    );
  let cells = 0;
  values.forEach((row, i) => {
    tab.values[from.row + i] ??= [];
    row.forEach((v, j) => {
      (tab.values[from.row + i] as (string | number)[])[from.col + j] = v;
      cells++;
    });
  });
  return cells;
}

function batchUpdate(tabs: Map<string, Tab>, requests: sheets_v4.Schema$Request[]) {
  for (const r of requests) {
    if (r.addSheet) {
      const p = r.addSheet.properties;
      if (!p?.title || typeof p.sheetId !== "number")
        throw new Error("Invalid addSheet: the client names each tab and gives its sheetId.");
      if (tabs.has(p.title)) throw new Error(`A sheet with the name "${p.title}" already exists.`);
      tabs.set(p.title, {
        sheetId: p.sheetId,
        title: p.title,
        rowCount: p.gridProperties?.rowCount ?? 1000,
        columnCount: p.gridProperties?.columnCount ?? 26,
        frozenRowCount: p.gridProperties?.frozenRowCount ?? 0,
        values: [],
      });
    } else if (r.updateSheetProperties) {
      const p = r.updateSheetProperties.properties;
      const tab = [...tabs.values()].find((t) => t.sheetId === p?.sheetId);
      if (!tab) throw new Error(`No grid with id: ${p?.sheetId}`);
      tab.rowCount = p?.gridProperties?.rowCount ?? tab.rowCount;
      tab.columnCount = p?.gridProperties?.columnCount ?? tab.columnCount;
    } else if (!r.repeatCell) throw new Error(`Unexpected request ${Object.keys(r)}`);
  }
  return { replies: requests.map(() => ({})) };
}

async function bodyOf(req: IncomingMessage): Promise<SheetsBody | null> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : null;
}

export async function startSheetsServer(
  spreadsheetId: string,
  token: string,
): Promise<SheetsServer> {
  const requests: RecordedRequest[] = [];
  const tabs = new Map<string, Tab>();
  const base = `/v4/spreadsheets/${spreadsheetId}`;
  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const recorded: RecordedRequest = {
      method: req.method ?? "",
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      body: await bodyOf(req),
    };
    requests.push(recorded);
    if (recorded.authorization !== `Bearer ${token}`)
      return answer(res, 401, {
        error: { code: 401, message: "Request is missing required authentication credential." },
      });
    try {
      if (recorded.method === "GET" && recorded.path === base)
        return answer(res, 200, {
          sheets: [...tabs.values()].map((t) => ({
            properties: {
              sheetId: t.sheetId,
              title: t.title,
              gridProperties: { rowCount: t.rowCount, columnCount: t.columnCount },
            },
          })),
        });
      if (recorded.method === "POST" && recorded.path === `${base}:batchUpdate`)
        return answer(res, 200, batchUpdate(tabs, recorded.body?.requests ?? []));
      if (recorded.method === "POST" && recorded.path === `${base}/values:batchUpdate`) {
        let cells = 0;
        for (const d of recorded.body?.data ?? [])
          cells += writeRange(tabs, d.range ?? "", d.values ?? []);
        return answer(res, 200, { spreadsheetId, totalUpdatedCells: cells });
      }
      answer(res, 404, { error: { code: 404, message: "Not found" } });
    } catch (error) {
      answer(res, 400, {
        error: { code: 400, message: (error as Error).message, status: "INVALID_ARGUMENT" },
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    requests,
    tabs,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
