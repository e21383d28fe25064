// Firestore lost in the middle of a submission, at every step where it can matter: the director gets a French 503
// at the request's deadline, and the retry with the same idempotency key, once Firestore is back, leaves exactly one
// revision, one answer, one latest copy and one notice to the Union, whatever the abandoned request did meanwhile.
import {
  answersCol,
  FUNCTION_OPTIONS,
  latestDoc,
  mailCol,
  openCampaign,
  REQUEST_DEADLINE_MS,
  revisionsCol,
} from "@barometre/functions/admin";
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
import { mountTrackedSubmit, type TrackedSubmit } from "./support/tracked-submit.ts";

const YEAR = 2018;
/** Short, so each outage costs seconds; the deployed functions answer by REQUEST_DEADLINE_MS. */
const DEADLINE_MS = 3_000;
const UNAVAILABLE =
  "Le service est momentanément indisponible. Réessayez dans quelques minutes : rien n'a été perdu.";

/** Where Firestore goes away: before anything, or right after one of the submission's writes reaches it. */
const STEPS: [string, ((code: string) => string) | null][] = [
  ["before the request", null],
  ["right after the revision is stored", (code) => `/structures/${code}/revisions/000001`],
  ["right after the latest copy is written", (code) => `/latest/${code}`],
  ["right after the Union's notice is queued", (code) => `/mail/revision-${YEAR}-${code}-000001`],
  ["right after the answer is recorded", (code) => `/structures/${code}/answers/`],
];
const codeOf = (i: number) => `PIMMS-PANNE-${i + 1}`;

let stack: TestStack;
let submit: TrackedSubmit;

beforeAll(async () => {
  stack = await startTestStack({ requestDeadlineMs: DEADLINE_MS });
  submit = await mountTrackedSubmit(stack.server.deps, DEADLINE_MS);
  await seedDirectory(stack.db, [...STEPS.map((_, i) => codeOf(i)), "PIMMS-CHAUFFE"]);
  await openCampaign(stack.db, YEAR, {}, ADMIN, new Date());
  // The first submission loads the campaign's populations: not what is under test here.
  expect((await send("PIMMS-CHAUFFE", "warm-up-key")).status).toBe(200);
});
afterAll(async () => {
  await submit.close();
  await stack.close();
});

async function send(code: string, key: string) {
  const res = await fetch(submit.url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${await stack.token(directorOf(code))}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      return: sampleReturn(code),
      idempotencyKey: key,
      attestation: ATTESTATION,
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

type DocumentEvent = { document: { getPath(): string } };

/** Interrupts the emulator as soon as a write to a path containing `part` reaches it. */
function interruptOnWrite(part: string): void {
  const { emitter } = stack.emulator.server.state;
  const watch = ({ document }: DocumentEvent) => {
    if (!document.getPath().includes(part)) return;
    emitter.off("create-document", watch);
    emitter.off("update-document", watch);
    stack.emulator.interrupt();
  };
  emitter.on("create-document", watch);
  emitter.on("update-document", watch);
}

/** Everything stored for one structure's submission. */
async function stored(code: string) {
  const [revisions, answers, latest, notices] = await Promise.all([
    revisionsCol(stack.db, YEAR, code).orderBy("number").get(),
    answersCol(stack.db, YEAR, code).get(),
    latestDoc(stack.db, YEAR, code).get(),
    mailCol(stack.db).where("structureCode", "==", code).get(),
  ]);
  return {
    revisions: revisions.docs.map((d) => [d.get("number"), d.get("idempotencyKey")]),
    answers: answers.docs.map((d) => d.get("answer.revision")),
    latest: latest.get("number") as number | undefined,
    notices: notices.docs.map((d) => d.id),
  };
}

describe("Firestore lost during a submission", () => {
  it("the deployed deadline answers before Cloud Functions would cut the request off", () => {
    expect(REQUEST_DEADLINE_MS).toBeLessThan(FUNCTION_OPTIONS.timeoutSeconds * 1000);
  });

  it.each(STEPS.map(([step, at], i) => ({ step, at, code: codeOf(i) })))(
    "$step: a French 503, then the retry with the same key stores exactly one revision",
    async ({ at, code }) => {
      const key = `${code}-outage-key`;
      if (at) interruptOnWrite(at(code));
      else stack.emulator.interrupt();
      const first = await send(code, key);
      expect(first).toEqual({ status: 503, body: { error: UNAVAILABLE } });
      expect(stack.logged).toContain("submitReturn: délai de réponse dépassé");

      await stack.emulator.resume();
      // As the director would: send again with the same key until the answer comes.
      let retry = await send(code, key);
      for (let attempt = 1; retry.status === 503 && attempt < 10; attempt++)
        retry = await send(code, key);
      expect(retry.status, JSON.stringify(retry.body)).toBe(200);
      expect(retry.body).toMatchObject({ status: "accepted", revision: 1 });

      // The abandoned request may finish its work only now: count once it has.
      await submit.settled();
      expect(await stored(code)).toEqual({
        revisions: [[1, key]],
        answers: [1],
        latest: 1,
        notices: [`revision-${YEAR}-${code}-000001`],
      });
      const again = await send(code, key);
      expect(again.body).toEqual({ ...retry.body, duplicate: true });
      const next = await send(code, `${code}-next-key`);
      expect(next.body).toMatchObject({ revision: 2, duplicate: false });
    },
  );
});
