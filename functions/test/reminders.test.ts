// The daily reminders across a whole campaign on a fake clock (J-20 to J+3), against the emulator and the real
// submission, progress and upkeep functions: one mail per due reminder day per late structure, none to a structure
// that has submitted, none twice when the run repeats or races, a missed day caught up with the latest day only.

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
import { upkeep } from "../src/close/upkeep.ts";
import type { OutboxMail } from "../src/mail/outbox.ts";
import { type ReminderRound, sendReminders } from "../src/reminders/send-reminders.ts";
import { closeCampaign, openCampaign } from "../src/storage/campaigns.ts";
import { mailCol } from "../src/storage/paths.ts";

/** Submits before J-14, submits at J-5, prepares at J-16 and never submits, never starts (two of them). */
const [EARLY, MIDWAY, PREPARED, IDLE, IDLE2] = [
  "PIMMS-TOT",
  "PIMMS-MILIEU",
  "PIMMS-PREPARE",
  "PIMMS-RIEN",
  "PIMMS-RIEN-DEUX",
];
const CODES = [EARLY, MIDWAY, PREPARED, IDLE, IDLE2];
const DAY_MS = 86_400_000;

let now = new Date();
let stack: TestStack;

/** 09:00 in Paris (summer time), `days` from the deadline `deadline` ("YYYY-MM-DD"). */
const at = (deadline: string, days: number) =>
  new Date(Date.parse(`${deadline}T07:00:00Z`) + days * DAY_MS);

beforeAll(async () => {
  stack = await startTestStack({ clock: () => now });
  await seedDirectory(stack.db, CODES);
});
afterAll(() => stack.close());

async function mails(kind: "reminder" | "digest", year: number) {
  const snap = await mailCol(stack.db)
    .where("kind", "==", kind)
    .where("campaignYear", "==", year)
    .get();
  return snap.docs.map((d) => ({ id: d.id, ...(d.data() as OutboxMail) }));
}

async function act(code: string, year: number, what: "prepare" | "submit") {
  const token = await stack.token(directorOf(code));
  const res =
    what === "prepare"
      ? await stack.call("reportProgress", {
          token,
          body: { structureCode: code, year, step: "prepared" },
        })
      : await stack.call("submitReturn", {
          token,
          body: {
            return: sampleReturn(code, year),
            idempotencyKey: `${code}-${year}-reminders`,
            attestation: ATTESTATION,
          },
        });
  expect(res.status, `${code} ${what}`).toBe(200);
}

const run = () => sendReminders(stack.server.deps, now);

describe("reminders across a campaign", () => {
  const DEADLINE = "2019-06-30";
  const rounds = new Map<number, ReminderRound[]>();

  beforeAll(async () => {
    now = at(DEADLINE, -20);
    await openCampaign(stack.db, 2018, { deadline: DEADLINE }, ADMIN, now);
    for (let day = -20; day <= 3; day++) {
      now = at(DEADLINE, day);
      if (day === -16) await act(PREPARED, 2018, "prepare");
      if (day === -15) await act(EARLY, 2018, "submit");
      if (day === -5) await act(MIDWAY, 2018, "submit");
      // The hourly upkeep closes the campaign once its deadline has passed, and sends the final reports.
      await upkeep(stack.server.deps);
      await stack.server.queues.idle();
      rounds.set(day, await run());
    }
  });

  it("sends each late structure one reminder per reminder day, and none once it has submitted", async () => {
    const ids = (await mails("reminder", 2018)).map((m) => m.id).sort();
    const expected = [
      ...[PREPARED, IDLE, IDLE2].flatMap((code) =>
        ["J-14", "J-7", "J-2", "J+1"].map((d) => `reminder-2018-${code}-${DEADLINE}-${d}`),
      ),
      ...["J-14", "J-7"].map((d) => `reminder-2018-${MIDWAY}-${DEADLINE}-${d}`),
    ].sort();
    expect(ids).toEqual(expected);
    const queued = [...rounds.values()].flat().reduce((n, r) => n + r.queued, 0);
    expect(queued).toBe(expected.length);
    expect(rounds.get(-14)).toEqual([
      { year: 2018, offset: -14, late: 4, queued: 4, digest: "queued" },
    ]);
    expect(rounds.get(-15)).toEqual([]);
  });

  it("writes to the structure's addresses in French, with the days left and its next step", async () => {
    const byId = new Map((await mails("reminder", 2018)).map((m) => [m.id, m]));
    const j7 = byId.get(`reminder-2018-${IDLE}-${DEADLINE}-J-7`);
    expect(j7?.to).toEqual([directorOf(IDLE)]);
    expect(j7?.structureCode).toBe(IDLE);
    expect(j7?.message.subject).toBe(
      "Baromètre 2018 : votre retour est attendu d'ici le 30/06/2019 (dans 7 jours)",
    );
    expect(j7?.message.text).toContain("Date limite : 30/06/2019, dans 7 jours.");
    expect(j7?.message.text).toContain("« Préparer le classeur »");
    const prepared = byId.get(`reminder-2018-${PREPARED}-${DEADLINE}-J-2`);
    expect(prepared?.message.text).toContain(
      "Votre classeur a été préparé le 14/06/2019 : il reste à choisir « Vérifier » puis « Envoyer à l'Union »",
    );
    const after = byId.get(`reminder-2018-${IDLE}-${DEADLINE}-J+1`);
    expect(after?.message.subject).toBe(
      "Baromètre 2018 : la date limite du 30/06/2019 est passée sans votre retour",
    );
    expect(after?.message.text).toContain("Date limite : 30/06/2019, passée hier.");
    expect(after?.message.text).toContain("contactez l'Union pour convenir de la suite");
  });

  it("sends the J+1 reminder although the upkeep closed the campaign at its deadline", async () => {
    expect((await stack.db.doc("campaigns/2018").get()).get("state")).toBe("closed");
    expect(rounds.get(1)).toEqual([
      { year: 2018, offset: 1, late: 3, queued: 3, digest: "queued" },
    ]);
  });

  it("tells the Union once per reminder day who is late and where each one stands", async () => {
    const digests = await mails("digest", 2018);
    expect(digests.map((d) => d.id).sort()).toEqual(
      ["J+1", "J-14", "J-2", "J-7"].map((d) => `reminder-digest-2018-${DEADLINE}-${d}`),
    );
    const j2 = digests.find((d) => d.id.endsWith("-J-2"));
    expect(j2?.to).toEqual(stack.server.deps.config.mail.union);
    expect(j2?.structureCode).toBeNull();
    expect(j2?.message.subject).toBe(
      "Baromètre 2018 : 3 structures sans retour (date limite : 30/06/2019, dans 2 jours)",
    );
    expect(j2?.message.text).toContain(
      "3 structures inscrites sur 5 n'ont pas envoyé leur retour 2018 ; chacune reçoit une relance (J-2)",
    );
    expect(j2?.message.text).toContain(
      `- PIMMS ${PREPARED} ; ${PREPARED} ; Urbain QPV ; classeur préparé le 14/06/2019, pas envoyé`,
    );
    expect(j2?.message.text).toContain(`- PIMMS ${IDLE} ; ${IDLE} ; Urbain QPV ; non commencé`);
    expect(j2?.message.text).not.toContain(MIDWAY);
  });

  it("queues nothing new when the day's run is repeated, or three runs race", async () => {
    const before = (await mails("reminder", 2018)).length + (await mails("digest", 2018)).length;
    now = at(DEADLINE, 1);
    const again = [await run(), ...(await Promise.all([run(), run(), run()]))].flat();
    expect(again.map((r) => [r.queued, r.digest])).toEqual([
      [0, "exists"],
      [0, "exists"],
      [0, "exists"],
      [0, "exists"],
    ]);
    const after = (await mails("reminder", 2018)).length + (await mails("digest", 2018)).length;
    expect(after).toBe(before);
  });
});

describe("a reminder day whose run was missed", () => {
  const DEADLINE = "2020-06-30";

  it("is sent a day late with the true days left; a run after several missed days sends the latest one only", async () => {
    now = at(DEADLINE, -20);
    await openCampaign(stack.db, 2019, { deadline: DEADLINE }, ADMIN, now);
    // Races of first runs: exactly one reminder per structure and one digest, whoever wins each create().
    now = at(DEADLINE, -13);
    const first = (await Promise.all([run(), run()])).flat();
    expect(first.reduce((n, r) => n + r.queued, 0)).toBe(5);
    expect(new Set(first.map((r) => r.digest))).toEqual(new Set(["queued", "exists"]));
    const late = (await mails("reminder", 2019)).find((m) => m.structureCode === IDLE);
    expect(late?.id).toBe(`reminder-2019-${IDLE}-${DEADLINE}-J-14`);
    expect(late?.message.text).toContain("Date limite : 30/06/2020, dans 13 jours.");

    // J-8 to J-2 missed: the run of J-1 sends J-2 only, never J-7 as well.
    now = at(DEADLINE, -1);
    expect(await run()).toEqual([{ year: 2019, offset: -2, late: 5, queued: 5, digest: "queued" }]);
    const ids = (await mails("reminder", 2019)).map((m) => m.id);
    expect(ids.filter((id) => id.endsWith("-J-7"))).toEqual([]);
    expect(ids).toHaveLength(10);
    await closeCampaign(stack.db, 2019, ADMIN, now);
  });
});

describe("manageCampaign", () => {
  it("sets the reminder days of a campaign, kept in order, and refuses impossible ones in French", async () => {
    const admin = await stack.token(ADMIN);
    const manage = (body: unknown) => stack.call("manageCampaign", { token: admin, body });
    const set = await manage({ action: "configure", year: 2019, reminderOffsets: [3, -21, -1] });
    expect(set.status).toBe(200);
    expect((await set.json()).campaign.reminderOffsets).toEqual([-21, -1, 3]);
    const read = await stack.call("manageCampaign", { token: admin, query: { year: "2018" } });
    expect((await read.json()).campaign.reminderOffsets).toEqual([-14, -7, -2, 1]);
    const refused: [number[], RegExp][] = [
      [[-7, -7], /chaque jour de relance ne doit figurer qu'une fois/],
      [[-91], /« reminderOffsets\.0 » : une relance se place au plus tôt à J-90/],
      [[31], /au plus tard à J\+30/],
      [Array.from({ length: 11 }, (_, i) => -i - 1), /dix jours de relance au plus/],
    ];
    for (const [days, why] of refused) {
      const res = await manage({ action: "configure", year: 2019, reminderOffsets: days });
      expect(res.status, JSON.stringify(days)).toBe(400);
      expect((await res.json()).error).toMatch(why);
    }
  });
});
