// Every date a person reads is the day in Paris: each user-facing date formatting, run at 23:30 UTC on 4 December,
// which is already 5 December in Paris (a revision sent then read "transmise le 04/12/2026" in the report).

import { buildReport, demoCampaign, generateNetwork } from "@barometre/shared";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  sampleReturn,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestMail } from "../src/reminders/digest-mail.ts";
import { reminderMail } from "../src/reminders/reminder-mail.ts";
import { statusRows } from "../src/status/board.ts";
import { latestSummaries } from "../src/status/read-board.ts";
import { statusCsv, statusTable } from "../src/status/table.ts";
import { openCampaign, parisDay } from "../src/storage/campaigns.ts";
import { listStructures } from "../src/storage/directory.ts";
import { listProgress } from "../src/storage/progress.ts";
import { getLatest } from "../src/storage/revisions.ts";
import { structureRow } from "../src/union-sheet/tables.ts";

/** 23:30 UTC on 4 December 2026: 00:30 on 5 December in Paris. */
const AT = new Date("2026-12-04T23:30:00.000Z");
const PARIS_DAY = "05/12/2026";
const PARIS_TIME = "05/12/2026 00:30";
const UTC_DAY = /04\/12\/2026/;
const YEAR = 2018;
const SENT = "PIMMS-RENNES";
const PREPARED = "PIMMS-NIMES";
const DUE = { offset: -7, deadline: "2026-12-12", daysLeft: 7 };
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ clock: () => AT });
  await seedDirectory(stack.db, [SENT, PREPARED]);
  await openCampaign(stack.db, YEAR, {}, ADMIN, AT);
  const sent = await stack.call("submitReturn", {
    token: await stack.token(directorOf(SENT)),
    body: {
      return: sampleReturn(SENT, YEAR),
      idempotencyKey: "paris-dates",
      attestation: ATTESTATION,
    },
  });
  expect(sent.status).toBe(200);
  const prepared = await stack.call("reportProgress", {
    token: await stack.token(directorOf(PREPARED)),
    body: { structureCode: PREPARED, year: YEAR, step: "prepared" },
  });
  expect(prepared.status).toBe(200);
  await stack.server.queues.idle();
});
afterAll(() => stack.close());

const admin = () => stack.token(ADMIN);

async function statusBoardRows() {
  const [directory, latest, progress] = await Promise.all([
    listStructures(stack.db),
    latestSummaries(stack.db, YEAR),
    listProgress(stack.db, YEAR),
  ]);
  return { directory, rows: statusRows(directory, latest, progress) };
}

describe("at 23:30 UTC, every date shown is the Paris day", () => {
  it("the report's revision line", async () => {
    const latest = await getLatest(stack.db, YEAR, SENT);
    const [input] = demoCampaign(generateNetwork()).reports;
    if (!input || !latest) throw new Error("no report input");
    const submittedAt = latest.submittedAt.toDate().toISOString();
    expect(submittedAt).toBe(AT.toISOString());
    const doc = buildReport({ ...input, revision: { number: latest.number, submittedAt } });
    expect(doc.revision.text).toContain(`transmise le ${PARIS_DAY}`);
  });

  it("the Union's revision notice", async () => {
    const snap = await stack.db.collection("mail").where("kind", "==", "revision").get();
    const [notice] = snap.docs.map((d) => d.get("message") as { text: string; html: string });
    expect(notice?.text).toContain(`le ${PARIS_TIME}`);
    expect(notice?.html).toContain(`le ${PARIS_TIME}`);
  });

  it("the campaign export (CSV) and the status board (CSV and table)", async () => {
    const csv = await stack.call("campaignExport", {
      token: await admin(),
      query: { year: String(YEAR), format: "csv" },
    });
    const text = await csv.text();
    expect(text).toContain(PARIS_TIME);
    expect(text).not.toMatch(UTC_DAY);
    const status = await stack.call("campaignExport", {
      token: await admin(),
      query: { year: String(YEAR), format: "csv", view: "status" },
    });
    expect(await status.text()).toContain(PARIS_TIME);
    const { rows } = await statusBoardRows();
    const board = { year: YEAR, status: rows } as Parameters<typeof statusCsv>[0];
    // "Classeur préparé le" of the one that prepared, "Transmise le" of the one that sent.
    const cells = statusTable(rows).rows.flat();
    expect(cells.filter((c) => String(c).startsWith(PARIS_TIME))).toHaveLength(2);
    expect(statusCsv(board)).not.toMatch(UTC_DAY);
  });

  it("the Union's consolidated sheet", async () => {
    const latest = await getLatest(stack.db, YEAR, SENT);
    if (!latest) throw new Error("no revision");
    const cells = structureRow(latest, "PIMMS Rennes").map(String);
    expect(cells.join(" ")).toContain(PARIS_TIME);
    expect(cells.join(" ")).not.toMatch(UTC_DAY);
  });

  it("the reminder to a structure and the Union's digest", async () => {
    const { directory, rows } = await statusBoardRows();
    const row = rows.find((r) => r.structureCode === PREPARED);
    const entry = directory.find((e) => e.code === PREPARED);
    if (!row || !entry) throw new Error("no prepared structure");
    expect(row.preparedAt).toBe(AT.toISOString());
    expect(reminderMail(YEAR, entry, row, DUE, null).message.text).toContain(
      `préparé le ${PARIS_DAY}`,
    );
    expect(digestMail(YEAR, DUE, [row], 2, [ADMIN]).message.text).toContain(
      `préparé le ${PARIS_DAY}`,
    );
  });

  it("the add-on's and the command line's day (campaignInfo, barometre campaign status)", async () => {
    const info = await stack.call("campaignInfo", {
      token: await stack.token(directorOf(SENT)),
      query: { structureCode: SENT, year: String(YEAR) },
    });
    expect((await info.json()).today).toBe("2026-12-05");
    expect(parisDay(AT)).toBe("2026-12-05");
  });
});
