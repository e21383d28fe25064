// A structure's data for data protection, beyond its revisions: its mails, its final positioning, its sheet rows.

import { type DemoStructure, generateNetwork } from "@barometre/shared";
import { registerStructures, seedLatest, storedRevision } from "@barometre/testing/network";
import { startSenderRig } from "@barometre/testing/outbox";
import { ADMIN, ATTESTATION, startTestStack, type TestStack } from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeAndReport, fanOutProgress } from "../src/close/close-campaign.ts";
import { allFinalMembers, getFinalBenchmark } from "../src/close/final-benchmark.ts";
import { deliverMail } from "../src/mail/sender.ts";
import { eraseStructure, exportStructure } from "../src/retention/structure-data.ts";
import { openCampaign } from "../src/storage/campaigns.ts";
import { mailClaimsCol, mailCol, unionSheetDoc } from "../src/storage/paths.ts";

const network = generateNetwork({ size: 6, seed: 3 });
const [gone, kept] = network.structures as [DemoStructure, DemoStructure];
const year = network.year;
let stack: TestStack;

/** The parts of an export this test reads: stored documents by path, the sheet rows as they are. */
interface Exported {
  mails: {
    path: string;
    data: {
      message: { attachments: { contentType: string; content: string }[] };
      delivery: { state: string };
    };
  }[];
  finalBenchmark: { data: { positioning: { structureCode: string } } }[];
  unionSheetRows: unknown[];
}

const mailsAbout = async (code: string) =>
  (await mailCol(stack.db).where("structureCode", "==", code).get()).docs.map((d) => d.id).sort();

beforeAll(async () => {
  stack = await startTestStack();
  await openCampaign(stack.db, year, {}, ADMIN, new Date());
  await registerStructures(stack.db, network.structures);
  await seedLatest(
    stack.db,
    network.structures.slice(2).map((s) => storedRevision(s.current)),
  );
  for (const s of [gone, kept]) {
    const res = await stack.call("submitReturn", {
      token: await stack.token(s.current.identification.directorEmail as string),
      body: { return: s.current, idempotencyKey: `${s.code}-data-key`, attestation: ATTESTATION },
    });
    expect(res.status).toBe(200);
  }
  await closeAndReport(stack.server.deps, year, ADMIN);
  await stack.server.queues.idle();
  // One delivery attempt of its report, so a claim exists too.
  const rig = await startSenderRig(stack.db);
  await deliverMail(rig.deps, `report-${year}-${gone.code}`);
  await rig.close();
  // The Union's sheet has been written for this campaign.
  await unionSheetDoc(stack.db, year).set({ year, dirty: false });
});
afterAll(() => stack.close());

describe("a structure's data", () => {
  it("exports its mails (attachments in base64), its final positioning and its sheet rows", async () => {
    const data = (await exportStructure(stack.db, gone.code)) as unknown as Exported;
    expect(data.mails.map((m) => m.path).sort()).toEqual([
      `mail/report-${year}-${gone.code}`,
      `mail/revision-${year}-${gone.code}-000001`,
      `mailClaims/report-${year}-${gone.code}~1`,
    ]);
    const report = data.mails.find((m) => m.path.startsWith("mail/report"));
    const pdf = report?.data.message.attachments.find((a) => a.contentType === "application/pdf");
    expect(
      Buffer.from(pdf?.content ?? "", "base64")
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect(report?.data.delivery.state).toBe("SUCCESS");
    expect(data.finalBenchmark).toHaveLength(1);
    expect(data.finalBenchmark[0]?.data).toMatchObject({
      code: gone.code,
      name: gone.name,
      revision: 1,
    });
    expect(data.finalBenchmark[0]?.data.positioning.structureCode).toBe(gone.code);
    expect(data.unionSheetRows).toEqual([
      {
        sheet: `Structures ${year}`,
        row: expect.arrayContaining([gone.code, gone.name, gone.territory, 1]),
      },
      {
        sheet: `Suivi ${year}`,
        row: expect.arrayContaining([gone.code, gone.name, gone.territory, "retour envoyé", 1]),
      },
    ]);
  });

  it("erases them, leaves the other structures' alone, and keeps the fan-out's count right", async () => {
    const counts = await eraseStructure(stack.db, gone.code);
    expect(counts).toMatchObject({
      mails: 3,
      finalBenchmark: 1,
      unionSheetRows: 1,
      latest: 1,
      revisions: 1,
    });
    expect(await mailsAbout(gone.code)).toEqual([]);
    expect(
      (await mailClaimsCol(stack.db).where("structureCode", "==", gone.code).get()).empty,
    ).toBe(true);
    const members = await allFinalMembers(stack.db, year);
    expect(members.map((m) => m.code)).not.toContain(gone.code);
    expect(members).toHaveLength(5);
    const head = await getFinalBenchmark(stack.db, year);
    expect(head?.memberCount).toBe(5);
    expect(await fanOutProgress(stack.server.deps, head as NonNullable<typeof head>)).toEqual({
      queued: 5,
      members: 5,
    });
    expect((await unionSheetDoc(stack.db, year).get()).get("dirty")).toBe(true);
    const after = (await exportStructure(stack.db, gone.code)) as Record<string, unknown[]>;
    for (const [key, value] of Object.entries(after))
      if (key !== "structureCode") expect(value, key).toEqual([]);
    expect(await mailsAbout(kept.code)).toEqual([
      `report-${year}-${kept.code}`,
      `revision-${year}-${kept.code}-000001`,
    ]);
  });
});
