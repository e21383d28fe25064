// Who receives a structure's report: only addresses the directory holds for it. A return giving another address
// (a stranger's, or a Unicode look-alike of the directory's) sends the report to the directory's addresses, and
// the Union is told once, in French, in its own mail; a campaign without such a return sends no notice.

import { type DemoStructure, generateNetwork } from "@barometre/shared";
import { registerStructures, seedLatest, storedRevision } from "@barometre/testing/network";
import { ADMIN, seedDirectory, startTestStack, type TestStack } from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recipientNoticeId } from "../src/close/recipient-notice.ts";
import { reportMailId } from "../src/close/report-batch.ts";
import type { OutboxMail } from "../src/mail/outbox.ts";
import { openCampaign } from "../src/storage/campaigns.ts";
import { saveStructure } from "../src/storage/directory.ts";
import { mailDoc } from "../src/storage/paths.ts";

const network = generateNetwork({ size: 6, seed: 19, year: 2015 });
const clean = generateNetwork({ size: 6, seed: 20, year: 2012 });
const [stranger, lookAlike, upperCase, same] = network.structures as DemoStructure[] as [
  DemoStructure,
  DemoStructure,
  DemoStructure,
  DemoStructure,
];
const KELVIN = "kelvin@pimms.example";
/** The address the directory holds for a structure: its director's, or kelvin for the look-alike's structure. */
const directoryAddress = (s: DemoStructure) =>
  s === lookAlike ? KELVIN : (s.current.identification.directorEmail as string);
const STRANGER = "quelqu-un@ailleurs.example";
/** The Kelvin sign (U+212A), which toLowerCase() folds to "k". */
const LOOK_ALIKE = "\u212Aelvin@pimms.example";
let stack: TestStack;

/** The return as submitted: the director's address changed, the directory left as the Union registered it. */
const withDirector = (s: DemoStructure, address: string) => {
  const ret = structuredClone(s.current);
  ret.identification.directorEmail = address;
  return storedRevision(ret);
};

beforeAll(async () => {
  stack = await startTestStack();
  await seedDirectory(stack.db, []);
  for (const n of [network, clean]) {
    await registerStructures(stack.db, n.structures);
    await saveStructure(
      stack.db,
      {
        code: lookAlike.code,
        name: lookAlike.name,
        territory: lookAlike.territory,
        emails: [KELVIN],
      },
      new Date(),
    );
    await openCampaign(stack.db, n.year, {}, ADMIN, new Date());
  }
  const changed = new Map([
    [stranger.code, withDirector(stranger, STRANGER)],
    [lookAlike.code, withDirector(lookAlike, LOOK_ALIKE)],
    [upperCase.code, withDirector(upperCase, directoryAddress(upperCase).toUpperCase())],
  ]);
  await seedLatest(stack.db, [
    ...network.structures.map((s) => changed.get(s.code) ?? storedRevision(s.current)),
    // The generated networks share their codes: the clean campaign leaves out the look-alike's structure.
    ...clean.structures
      .filter((s) => s.code !== lookAlike.code)
      .map((s) => storedRevision(s.current)),
  ]);
  for (const year of [network.year, clean.year]) {
    const res = await stack.call("manageCampaign", {
      token: await stack.token(ADMIN),
      body: { action: "close", year },
    });
    expect(res.status).toBe(200);
  }
  await stack.server.queues.idle();
});
afterAll(() => stack.close());

const stored = async (id: string) => (await mailDoc(stack.db, id).get()).data() as OutboxMail;
const reportTo = async (s: DemoStructure) => (await stored(reportMailId(network.year, s.code))).to;

describe("a structure's report", () => {
  it("goes to the return's address when the directory holds it, in any ASCII case", async () => {
    expect(await reportTo(same)).toEqual([directoryAddress(same)]);
    expect(await reportTo(upperCase)).toEqual([directoryAddress(upperCase)]);
  });

  it("goes to the directory's addresses, never to a stranger or a look-alike the return gives", async () => {
    expect(await reportTo(stranger)).toEqual([directoryAddress(stranger)]);
    expect(await reportTo(lookAlike)).toEqual([directoryAddress(lookAlike)]);
    const all = await stack.db.collection("mail").get();
    const recipients = all.docs.flatMap((d) => (d.data() as OutboxMail).to);
    expect(recipients).not.toContain(STRANGER);
    expect(recipients).not.toContain(LOOK_ALIKE);
  });
});

describe("the Union", () => {
  it("is told of each return whose address the directory does not hold, in French", async () => {
    const notice = await stored(recipientNoticeId(network.year));
    expect(notice.kind).toBe("recipients");
    expect(notice.to).toEqual(stack.server.deps.config.mail.union);
    const { subject, text } = notice.message;
    expect(subject).toBe(`Baromètre ${network.year} : 2 adresses de retour absentes de l'annuaire`);
    for (const [s, given] of [
      [stranger, STRANGER],
      [lookAlike, LOOK_ALIKE],
    ] as const)
      expect(text).toContain(`- ${s.name} ; ${s.code} ; ${given} ; ${directoryAddress(s)}`);
    expect(text).not.toContain(upperCase.code);
    expect(text).not.toContain(same.code);
  });

  it("is not written to when every return's address is in the directory", async () => {
    expect((await mailDoc(stack.db, recipientNoticeId(clean.year)).get()).exists).toBe(false);
    expect((await mailDoc(stack.db, `summary-${clean.year}`).get()).exists).toBe(true);
  });
});
