// The retention policy on the local stack: a campaign goes through submissions, reminders, the close and the delivery
// of every mail; then time moves on and each kind of data is purged when, and only when, its retention has run out —
// by `barometre retention`, by the hourly upkeep, and by a purge that crashes half-way and is run again.
import { spawn } from "node:child_process";
import { join } from "node:path";
import {
  applyRetention,
  closeCampaign,
  followupDoc,
  openCampaign,
  PURGED_MESSAGE,
  parisDay,
  peersDoc,
  RETRY_POLICY,
  readAudit,
  retentionSettingsDoc,
  sendReminders,
  setRetention,
  sweepOutbox,
  unionSheetDoc,
  upkeep,
} from "@barometre/functions/admin";
import { type FunctionName, isoDate, months, years } from "@barometre/shared";
import {
  CALM_SMTP,
  queueTestMail,
  type SenderRig,
  startSenderRig,
} from "@barometre/testing/outbox";
import { barometre } from "@barometre/testing/run-barometre";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  sampleReturn,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "@barometre/testing/stack";
import { storedData } from "@barometre/testing/stored-documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const [TWICE, ONCE, PREPARED, LATE] = ["PIMMS-DEUX", "PIMMS-UNE", "PIMMS-PREP", "PIMMS-TARD"];
const DAY_MS = 86_400_000;
const START = Date.now();
let now = new Date(START);
const later = (days: number) => new Date(START + days * DAY_MS);

let stack: TestStack;
let rig: SenderRig;
let pendingMail: string;

/** Every stored document's path, by what it is. */
function inventory() {
  const docs = storedData(stack.emulator);
  const paths = [...docs.keys()].filter((p) => Object.keys(docs.get(p) ?? {}).length > 0);
  /** Mails of these kinds, still holding their content (an emptied one keeps only its trace). */
  const mailsOf = (kinds: string[]) =>
    paths.filter(
      (p) =>
        p.startsWith("mail/") &&
        docs.get(p)?.campaignYear === 2018 &&
        kinds.includes(docs.get(p)?.kind as string) &&
        docs.get(p)?.purgedAt === undefined,
    );
  const claimsOf = (mails: string[]) =>
    paths.filter(
      (p) => p.startsWith("mailClaims/") && mails.includes(`mail/${docs.get(p)?.mailId}`),
    );
  const under = (re: RegExp) => paths.filter((p) => re.test(p)).sort();
  const reports = mailsOf(["report", "summary"]);
  const reminders = mailsOf(["reminder", "digest", "revision", "recipients", "review"]);
  return {
    returns: under(
      /^campaigns\/2018\/(structures\/[^/]+\/(revisions|reviews)|latest|progress|snapshot|peers)\//,
    ),
    answers: under(/^campaigns\/2018\/structures\/[^/]+\/answers\//),
    reports: reports.sort(),
    reportClaims: claimsOf(reports).sort(),
    reminders: reminders.sort(),
    reminderClaims: claimsOf(reminders).sort(),
    followups: under(/^campaigns\/2018\/followups\//),
    snapshots: under(/^campaigns\/2018\/(final|state)\//),
    open: [
      ...under(/^campaigns\/2019\//),
      ...paths.filter((p) => p.startsWith("mail/") && docs.get(p)?.campaignYear === 2019),
    ],
    audit: under(/^audit\//),
    directory: under(/^(campaigns\/\d+$|structures\/|admins\/)/),
    emptied: under(/^mail\//).filter((p) => docs.get(p)?.purgedAt !== undefined),
  };
}
type Inventory = ReturnType<typeof inventory>;

const post = async (name: FunctionName, email: string, body: unknown) => {
  const res = await stack.call(name, { token: await stack.token(email), body });
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
};

const submit = (code: string, year: number, key: string, visitors?: number) => {
  const ret = sampleReturn(code, year);
  if (visitors !== undefined) ret.activity.visitors = visitors;
  return post("submitReturn", directorOf(code), {
    return: ret,
    idempotencyKey: key,
    attestation: ATTESTATION,
  });
};

async function deliverAll() {
  await stack.server.queues.idle();
  while (Object.keys(await sweepOutbox(rig.deps, { concurrency: 4 })).length > 0);
}

beforeAll(async () => {
  stack = await startTestStack({ clock: () => now });
  rig = await startSenderRig(stack.db, RETRY_POLICY, CALM_SMTP);
  await seedDirectory(stack.db, [TWICE, ONCE, PREPARED, LATE]);
  // A deadline a week away: today is the J-7 reminder day.
  const week = new Date(START + 7 * DAY_MS);
  const [y, m, d] = parisDay(week).split("-").map(Number) as [number, number, number];
  await openCampaign(stack.db, 2018, { deadline: isoDate(y, m, d) }, ADMIN, now);
  await submit(TWICE, 2018, "deux-cle-1");
  await submit(TWICE, 2018, "deux-cle-2", 12345);
  await submit(ONCE, 2018, "une-cle-1");
  await post("reportProgress", directorOf(PREPARED), {
    structureCode: PREPARED,
    year: 2018,
    step: "prepared",
  });
  await post("reviewReturn", ADMIN, {
    structureCode: TWICE,
    year: 2018,
    revision: 2,
    state: "hasIssues",
    comment: "Nombre de visiteurs à vérifier.",
  });
  // A director's chosen peer set, which names who chose it.
  await peersDoc(stack.db, 2018, ONCE).set({
    choice: { territory: "Rural" },
    chosenBy: directorOf(ONCE),
  });
  await sendReminders(stack.server.deps, now);
  await post("manageCampaign", ADMIN, { action: "close", year: 2018 });
  await deliverAll();
  // Follow-up records of the campaign (issue 13 writes them at this path).
  for (const code of [TWICE, ONCE])
    await followupDoc(stack.db, 2018, code).set({
      structureCode: code,
      year: 2018,
      state: "à contacter",
      notes: [{ text: "Appeler la direction.", by: ADMIN }],
    });
  // The Union's consolidated sheet of the campaign, in sync.
  await unionSheetDoc(stack.db, 2018).set({ dirty: false });
  // A report not delivered (its sender has not run yet), and a campaign still open.
  pendingMail = await queueTestMail(stack.db, { kind: "report", structureCode: ONCE }, now);
  await openCampaign(stack.db, 2019, {}, ADMIN, now);
  await submit(LATE, 2019, "tard-cle-1");
}, 120_000);
afterAll(async () => {
  await rig.close();
  await stack.close();
});

const BIN = join(import.meta.dirname, "../bin/barometre.js");

/** Runs `barometre ARGS` as a process of its own and kills it (SIGKILL) once it reports its first batch. */
function killedAfterFirstBatch(...args: string[]) {
  return new Promise<{ signal: string | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
      if (stderr.includes("lot supprimé")) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (_, signal) => resolve({ signal, stderr }));
  });
}

/** Each mail emptied: no recipient, no content, no attachment, no server answer naming the recipients. */
function expectEmptied(mails: string[], after: Inventory) {
  const docs = storedData(stack.emulator);
  expect(after.emptied).toEqual(expect.arrayContaining(mails));
  for (const path of mails) {
    const mail = docs.get(path);
    expect(mail?.to, path).toEqual([]);
    expect(mail?.message).toEqual(PURGED_MESSAGE);
    expect(mail?.delivery).toMatchObject({ state: "SUCCESS", info: null });
  }
}

/** What changed between two inventories, by part: only the parts named may have lost documents, and exactly those. */
function expectPurged(before: Inventory, after: Inventory, purged: (keyof Inventory)[]) {
  for (const part of Object.keys(before) as (keyof Inventory)[]) {
    if (part === "audit" || part === "emptied") {
      for (const p of before[part]) expect(after[part], `${part} are never purged`).toContain(p);
      continue;
    }
    expect(after[part], part).toEqual(purged.includes(part) ? [] : before[part]);
  }
}

describe("the world before any purge", () => {
  it("holds every kind of data, a pending mail and an open campaign", () => {
    const all = inventory();
    // Three revisions, a review, two latest copies, a preparation record, a peer set, and the snapshot's shards.
    const shards = all.returns.filter((p) => p.includes("/snapshot/"));
    expect(shards.length).toBeGreaterThan(0);
    expect(all.returns.length).toBe(3 + 1 + 2 + 1 + 1 + shards.length);
    expect(all.returns).toContain("campaigns/2018/structures/PIMMS-DEUX/reviews/000002-0001");
    expect(all.answers.length).toBe(3);
    expect(all.reports.length).toBeGreaterThanOrEqual(3);
    expect(all.reportClaims.length).toBeGreaterThanOrEqual(all.reports.length - 1);
    expect(all.reminders.some((p) => p.startsWith("mail/reminder-2018-"))).toBe(true);
    expect(all.reminders.some((p) => p.startsWith("mail/revision-"))).toBe(true);
    expect(all.reminders.some((p) => p.startsWith("mail/reminder-digest-"))).toBe(true);
    expect(all.reminderClaims.length).toBeGreaterThan(0);
    expect(all.followups.length).toBe(2);
    expect(all.snapshots.length).toBeGreaterThanOrEqual(3);
    expect(all.open.length).toBeGreaterThan(0);
  });
});

describe("barometre retention", () => {
  it("refuses bad input in French with exit code 2 and changes nothing", async () => {
    const before = (await retentionSettingsDoc(stack.db).get()).data();
    const cases: [string[], RegExp][] = [
      [
        ["set", "returns", "200j"],
        /« returns » : 200 jours, c'est moins que la durée d'une campagne \(un exercice, 1 an\)/,
      ],
      [["set", "followups", "6mois"], /indiquez au moins 1 an\./],
      [["set", "courriels", "90j"], /Type de données inconnu : « courriels »/],
      [["set", "mails", "-5j"], /ne peut pas être négative/],
      [["set", "mails", "bientôt"], /durée illisible « bientôt »/],
      [
        ["set", "mails", "2"],
        /« 2 » sans unité ; écrivez l'unité après le nombre : j \(jours\), mois ou ans/,
      ],
      [["run", "--dry-run", "--force"], /Option inconnue : --force/],
      [["set", "mails"], /Usage : barometre retention/],
    ];
    for (const [args, message] of cases) {
      const out = await barometre("retention", ...args);
      expect(out.code, args.join(" ")).toBe(2);
      expect(out.stderr).toMatch(message);
      expect(out.stderr).not.toMatch(/\bat \w+ \(|Error:/);
    }
    expect((await retentionSettingsDoc(stack.db).get()).data()).toEqual(before);
  });

  it("shows each kind with its retention, the default ones marked", async () => {
    const out = await barometre("retention", "show");
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/returns\s+retours et révisions\s+10 ans \(défaut\)\s+10 ans/);
    expect(out.stdout).toMatch(/mails\s+rapports et synthèses envoyés\s+3 mois \(défaut\)/);
    expect(out.stdout).toContain("les durées par défaut s'appliquent");
  });

  it("takes 12 months as the year a campaign lasts, and says it back as 1 an", async () => {
    const set = await barometre("retention", "set", "followups", "12mois");
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain("(followups) : 1 an après la clôture de la campagne.");
    expect((await retentionSettingsDoc(stack.db).get()).get("followups")).toBe(years(1));
    const back = await barometre("retention", "set", "followups", "3ans");
    expect(back.code, back.stderr).toBe(0);
  });

  it("purges nothing before its time, and a dry run says what would go without deleting it", async () => {
    const before = inventory();
    expect((await applyRetention(stack.db, later(29))).lines).toEqual([]);
    const dry = await applyRetention(stack.db, later(31), { dryRun: true });
    expect(dry.lines.map((l) => [l.kind, l.year, l.count])).toEqual([
      ["answers", 2018, before.answers.length],
      ["reminders", 2018, before.reminders.length],
    ]);
    expect(dry.lines.every((l) => l.minAgeDays >= 30 && l.maxAgeDays <= 31)).toBe(true);
    expectPurged(before, inventory(), []);
  });

  it("set then run: the idempotency records and the reminders and notices go, with their claims", async () => {
    const before = inventory();
    for (const [kind, days] of [
      ["answers", "0j"],
      ["reminders", "0"],
    ]) {
      const set = await barometre("retention", "set", kind as string, days as string);
      expect(set.code, set.stderr).toBe(0);
    }
    const dry = await barometre("retention", "run", "--dry-run");
    expect(dry.stdout).toContain("Simulation (rien n'a été supprimé)");
    expect(dry.stdout).toMatch(
      new RegExp(`réponses aux envois \\(idempotence\\)\\s+2018\\s+${before.answers.length}\\s`),
    );
    expectPurged(before, inventory(), []);

    // A purge process killed after its first batch has taken only what was due, and a second run takes the rest.
    const due = before.answers.length + before.reminders.length;
    const killed = await killedAfterFirstBatch("retention", "run", "--batch", "1");
    expect(killed.signal, killed.stderr).toBe("SIGKILL");
    const halfway = inventory();
    const gone = [
      ...before.answers.filter((p) => !halfway.answers.includes(p)),
      ...before.reminders.filter((p) => !halfway.reminders.includes(p)),
    ];
    expect(gone.length).toBeGreaterThanOrEqual(1);
    expect(gone.length).toBeLessThan(due);
    expectPurged(
      { ...before, answers: [], reminders: [], reminderClaims: [] },
      { ...halfway, answers: [], reminders: [], reminderClaims: [] },
      [],
    );
    const run = await barometre("retention", "run");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Total : ${due - gone.length} élément`);
    const after = inventory();
    expectPurged(before, after, ["answers", "reminders", "reminderClaims"]);
    expectEmptied(before.reminders, after);
    const show = await barometre("retention", "show");
    expect(show.stdout).toMatch(/answers\s+réponses aux envois \(idempotence\)\s+0 jour\s/);
  });

  it("the hourly upkeep purges the delivered reports after 3 months, never a mail not yet delivered", async () => {
    await setRetention(stack.db, "reminders", 30, ADMIN, now);
    const before = inventory();
    now = later(months(3) + 1);
    const outcome = await upkeep(stack.server.deps);
    expect(outcome.purged?.map((l) => [l.kind, l.count])).toEqual([
      ["mails", before.reports.length - 1],
    ]);
    const after = inventory();
    expect(after.reports).toEqual([`mail/${pendingMail}`]);
    expect(after.reportClaims).toEqual([]);
    expectEmptied(
      before.reports.filter((p) => p !== `mail/${pendingMail}`),
      after,
    );
    // The next hours send nothing again: the emptied reports keep their ids taken.
    const mailsBefore = inventory();
    now = later(months(3) + 2);
    expect((await upkeep(stack.server.deps)).resumed).toEqual([]);
    await stack.server.queues.idle();
    expectPurged(mailsBefore, inventory(), []);
    expectPurged({ ...before, reports: [] }, { ...after, reports: [] }, ["reportClaims"]);
    const entries = await readAudit(stack.db, { since: parisDay(later(months(3) + 1)) });
    expect(entries.at(-1)).toMatchObject({
      action: "retention.purge",
      via: "upkeep",
      outcome: "ok",
      detail: `rapports et synthèses envoyés 2018 : ${before.reports.length - 1}`,
    });
  });

  it("purges the follow-up records three years after the close, and stops when the campaign is reopened", async () => {
    const before = inventory();
    expect((await applyRetention(stack.db, later(years(3) - 1))).lines).toEqual([]);
    const first = await applyRetention(stack.db, later(years(3) + 1), {
      batchSize: 1,
      // The Union reopens the campaign while the purge runs: what it holds is needed again.
      onBatch: () => openCampaign(stack.db, 2018, {}, ADMIN, now),
    });
    expect(first.lines.map((l) => [l.kind, l.count])).toEqual([["followups", 1]]);
    const reopened = inventory();
    expect(reopened.followups).toEqual(before.followups.slice(1));
    // Closed again a year later, the campaign's retention counts from this close.
    await closeCampaign(stack.db, 2018, ADMIN, later(365));
    expect((await applyRetention(stack.db, later(years(3) + 1))).lines).toEqual([]);
    const again = await applyRetention(stack.db, later(365 + years(3)));
    expect(again.lines.map((l) => [l.kind, l.count])).toEqual([["followups", 1]]);
    expectPurged(before, inventory(), ["followups"]);
  });

  it("a purge killed between batches resumes later and never deletes more than the policy then says", async () => {
    const before = inventory();
    const tenYears = later(365 + years(10));
    let batches = 0;
    await expect(
      applyRetention(stack.db, tenYears, {
        batchSize: 2,
        onBatch: () => {
          batches++;
          throw new Error("processus tué");
        },
      }),
    ).rejects.toThrow("processus tué");
    expect(batches).toBe(1);
    const halfway = inventory();
    // The first batch: two revisions of the first structure; its latest copy, deleted last, still leads to the rest.
    expect(before.returns.filter((p) => !halfway.returns.includes(p))).toEqual([
      "campaigns/2018/structures/PIMMS-DEUX/revisions/000001",
      "campaigns/2018/structures/PIMMS-DEUX/revisions/000002",
    ]);
    expect(halfway.returns).toContain("campaigns/2018/latest/PIMMS-DEUX");

    // The Union keeps returns longer meanwhile: the resumed purge leaves them, and takes only the snapshots.
    await setRetention(stack.db, "returns", years(20), ADMIN, now);
    const resumed = await applyRetention(stack.db, tenYears, { batchSize: 2 });
    expect(resumed.lines.map((l) => l.kind)).toEqual(["snapshots"]);
    expectPurged(halfway, inventory(), ["snapshots"]);

    // Back to ten years: the rest of the returns go, an hour's limit at a time, and nothing of the open campaign
    // nor the pending mail.
    await setRetention(stack.db, "returns", years(10), ADMIN, now);
    const hour = await applyRetention(stack.db, tenYears, { batchSize: 2, limit: 2 });
    expect(hour).toMatchObject({ complete: false, lines: [{ kind: "returns", count: 2 }] });
    const rest = await applyRetention(stack.db, tenYears, { batchSize: 2 });
    expect(rest.lines.map((l) => [l.kind, l.count])).toEqual([
      ["returns", halfway.returns.length - 2],
    ]);
    const after = inventory();
    expectPurged({ ...halfway, snapshots: [] }, after, ["returns"]);
    expect(after.open).toEqual(before.open);
    // The Union's sheet is rewritten without the purged returns at its next sync.
    expect((await unionSheetDoc(stack.db, 2018).get()).get("dirty")).toBe(true);
    expect(after.reports).toEqual([`mail/${pendingMail}`]);
    expect(await applyRetention(stack.db, later(years(50)))).toEqual({ lines: [], complete: true });
  });
});
