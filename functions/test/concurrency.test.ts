// Concurrent submissions: numbers stay consecutive and none is lost; one key gives one revision, even across a crash.
import { createHash } from "node:crypto";
import { coerceReturn, computeIndicators, receivedContentHash } from "@barometre/shared";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  sampleReturn,
  seedDirectory,
  startTestStack,
  storedCount,
  type TestStack,
} from "@barometre/testing/stack";
import { Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCampaign } from "../src/storage/campaigns.ts";
import { appendRevision, listRevisions, lockedError } from "../src/storage/revisions.ts";

let stack: TestStack;
const CODES = Array.from({ length: 20 }, (_, i) => `PIMMS-C${String(i + 1).padStart(2, "0")}`);

beforeAll(async () => {
  stack = await startTestStack();
  await seedDirectory(stack.db, [...CODES, "PIMMS-SAME", "PIMMS-CRASH"]);
  await openCampaign(stack.db, 2018, {}, ADMIN, new Date());
});
afterAll(() => stack.close());

async function submitAs(code: string, key: string, staff = 9) {
  const ret = sampleReturn(code);
  ret.social.staffTotal = staff;
  const res = await stack.call("submitReturn", {
    token: await stack.token(directorOf(code)),
    body: { return: ret, idempotencyKey: key, attestation: ATTESTATION },
  });
  return { status: res.status, body: await res.json() };
}

describe("concurrent submissions", () => {
  it("100 in parallel across 20 structures give 100 revisions, numbered 1 to 5 for each, none lost", async () => {
    const jobs = CODES.flatMap((code) =>
      Array.from({ length: 5 }, (_, i) => ({ code, key: `${code}-parallel-${i}`, staff: 10 + i })),
    );
    const answers = await Promise.all(jobs.map((j) => submitAs(j.code, j.key, j.staff)));
    expect(answers.map((a) => a.status)).toEqual(jobs.map(() => 200));
    expect(answers.every((a) => a.body.duplicate === false)).toBe(true);
    for (const code of CODES) {
      const revisions = await listRevisions(stack.db, 2018, code);
      expect(revisions.map((r) => r.number)).toEqual([1, 2, 3, 4, 5]);
      const keys = revisions.map((r) => r.idempotencyKey).sort();
      expect(keys).toEqual(
        jobs
          .filter((j) => j.code === code)
          .map((j) => j.key)
          .sort(),
      );
      // Each answer names the revision that holds its own payload.
      for (const r of revisions) {
        const job = jobs.findIndex((j) => j.key === r.idempotencyKey);
        expect(answers[job]?.body.revision).toBe(r.number);
        expect(r.payload.social.staffTotal).toBe(jobs[job]?.staff);
      }
      const latest = await stack.db.doc(`campaigns/2018/latest/${code}`).get();
      expect(latest.get("number")).toBe(5);
    }
    expect((await stack.db.collection("campaigns/2018/latest").count().get()).data().count).toBe(
      20,
    );
  });

  it("the same idempotency key ten times in parallel gives one revision and ten consistent answers", async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => submitAs("PIMMS-SAME", "same-key-ten-times")),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);
    const { duplicate: _first, ...reference } = answers[0]?.body ?? {};
    for (const a of answers) {
      const { duplicate: _, ...rest } = a.body;
      expect(rest).toEqual(reference);
    }
    expect((await listRevisions(stack.db, 2018, "PIMMS-SAME")).map((r) => r.number)).toEqual([1]);
    expect(await storedCount(stack.db, 2018, "PIMMS-SAME")).toBe(3);
  });

  it("a retry after a crash between storing the revision and answering ends with exactly one revision", async () => {
    // What a request that died right after its create() leaves behind: the revision, no answer, no latest copy.
    const ret = sampleReturn("PIMMS-CRASH");
    await appendRevision(
      stack.db,
      {
        structureCode: "PIMMS-CRASH",
        year: 2018,
        territory: ret.identification.territory,
        payload: ret,
        indicators: computeIndicators(ret),
        findings: [],
        contentHash: receivedContentHash(
          coerceReturn(ret).ret,
          { explanations: {}, attestation: ATTESTATION },
          (text) => createHash("sha256").update(text).digest("hex"),
        ),
        submittedBy: directorOf("PIMMS-CRASH"),
        submittedAt: Timestamp.now(),
        idempotencyKey: "crash-key",
        explanations: {},
        attestation: ATTESTATION,
      },
      lockedError,
    );
    expect(await storedCount(stack.db, 2018, "PIMMS-CRASH")).toBe(1);
    const retries = await Promise.all([
      submitAs("PIMMS-CRASH", "crash-key"),
      submitAs("PIMMS-CRASH", "crash-key"),
    ]);
    for (const r of retries) expect(r.body).toMatchObject({ revision: 1, duplicate: true });
    expect(retries[0]?.body).toEqual(retries[1]?.body);
    expect(await storedCount(stack.db, 2018, "PIMMS-CRASH")).toBe(3);
    const next = await submitAs("PIMMS-CRASH", "after-crash");
    expect(next.body).toMatchObject({ revision: 2, duplicate: false });
  });
});
