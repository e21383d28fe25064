// After the close, the Union may still accept a return but may not ask for a resend the close would refuse: a
// correction request, a rejection or a reopening gets a 409 (over HTTP and through decideReview, which `barometre
// review` calls) and nothing is stored or mailed.

import { Refusal } from "@barometre/shared";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  sampleReturn,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "@barometre/testing/stack";
import type { Firestore, Transaction } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideReview } from "../src/returns/review-decision.ts";
import { closeCampaign, openCampaign } from "../src/storage/campaigns.ts";

let stack: TestStack;
let admin: string;
const [LYON, NIMES, PAU] = ["PIMMS-LYON", "PIMMS-NIMES", "PIMMS-PAU"];
const MAIL = { from: "Baromètre <barometre@pimms.example>", privacyUrl: null };

const review = (body: Record<string, unknown>) =>
  stack.call("reviewReturn", { token: admin, body: { year: 2018, revision: 1, ...body } });

/**
 * The database as a review sees it, with the Union's close committed (by a plain write, as `closeCampaign` does)
 * after the review's transaction has read the campaign and before it commits: the commit must not go through.
 */
function closingMidway(db: Firestore): Firestore {
  let closed = false;
  return new Proxy(db, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (name !== "runTransaction")
        return typeof value === "function" ? value.bind(target) : value;
      return <T>(update: (tx: Transaction) => Promise<T>) =>
        target.runTransaction(async (tx) => {
          const result = await update(tx);
          if (!closed) {
            closed = true;
            await closeCampaign(target, 2018, ADMIN, new Date(), { reports: true });
          }
          return result;
        });
    },
  });
}

/** What a refused review could have left behind: reviews of the structure's return, and review mails to it. */
async function traces(code: string) {
  const [reviews, mails] = await Promise.all([
    stack.db.collection(`campaigns/2018/structures/${code}/reviews`).count().get(),
    stack.db
      .collection("mail")
      .where("structureCode", "==", code)
      .where("kind", "==", "review")
      .count()
      .get(),
  ]);
  const latest = await stack.db.doc(`campaigns/2018/latest/${code}`).get();
  return {
    reviews: reviews.data().count,
    mails: mails.data().count,
    state: latest.get("review.state"),
  };
}

beforeAll(async () => {
  stack = await startTestStack();
  await seedDirectory(stack.db, [LYON, NIMES, PAU]);
  await openCampaign(stack.db, 2018, {}, ADMIN, new Date());
  admin = await stack.token(ADMIN);
  for (const code of [LYON, NIMES, PAU]) {
    const res = await stack.call("submitReturn", {
      token: await stack.token(directorOf(code)),
      body: { return: sampleReturn(code), idempotencyKey: code, attestation: ATTESTATION },
    });
    expect(res.status, JSON.stringify(await res.json())).toBe(200);
  }
  // PAU's return is accepted before the close: the only state a reopening applies to.
  expect((await review({ structureCode: PAU, state: "accepted" })).status).toBe(200);
  await closeCampaign(stack.db, 2018, ADMIN, new Date(), { reports: true });
});
afterAll(() => stack.close());

describe("a review after the close", () => {
  it("refuses a correction request, a rejection and a reopening over HTTP (409), storing and mailing nothing", async () => {
    const cases = [
      [LYON, "hasIssues", "une demande de correction", "pending"],
      [LYON, "rejected", "un rejet", "pending"],
      [PAU, "reopened", "une réouverture", "accepted"],
      // Rather than « rouvrez-la d'abord », which the close would refuse in turn.
      [PAU, "hasIssues", "une demande de correction", "accepted"],
    ] as const;
    for (const [code, state, named, kept] of cases) {
      const before = await traces(code);
      const res = await review({ structureCode: code, state, comment: "après clôture" });
      const body = await res.json();
      expect(res.status, state).toBe(409);
      expect(body.error).toBe(
        `La campagne 2018 est close : l'Union n'accepte plus de retours, et ${named} attendrait de « ${code} » un nouvel envoi qu'elle ne peut plus faire. Rien n'a été enregistré ni envoyé ; seule une acceptation reste possible.`,
      );
      expect(await traces(code)).toEqual({ ...before, state: kept });
    }
  });

  it("refuses them the same way through decideReview, which `barometre review` calls", async () => {
    const refused = decideReview(
      stack.db,
      { year: 2018, code: NIMES, number: 1 },
      { state: "hasIssues", comment: "après clôture", fields: [] },
      "ligne de commande (test)",
      new Date(),
      MAIL,
    );
    await expect(refused).rejects.toBeInstanceOf(Refusal);
    await expect(refused).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringContaining("La campagne 2018 est close"),
    });
    expect(await traces(NIMES)).toEqual({ reviews: 0, mails: 0, state: "pending" });
  });

  it("still records an acceptance, which asks nothing of the structure and mails nothing", async () => {
    const accepted = await decideReview(
      stack.db,
      { year: 2018, code: NIMES, number: 1 },
      { state: "accepted", comment: null, fields: [] },
      "ligne de commande (test)",
      new Date(),
      MAIL,
    );
    expect(accepted.state).toBe("accepted");
    const res = await review({ structureCode: LYON, state: "accepted" });
    expect(res.status).toBe(200);
    expect((await res.json()).locked).toBe(true);
    expect(await traces(NIMES)).toEqual({ reviews: 1, mails: 0, state: "accepted" });
    expect(await traces(LYON)).toEqual({ reviews: 1, mails: 0, state: "accepted" });
  });

  it("refuses a correction request when the close lands between the review's read of the campaign and its commit", async () => {
    await openCampaign(stack.db, 2018, {}, ADMIN, new Date());
    const before = await traces(NIMES);
    const refused = decideReview(
      closingMidway(stack.db),
      { year: 2018, code: NIMES, number: 1 },
      { state: "reopened", comment: "Clôture simultanée.", fields: [] },
      ADMIN,
      new Date(),
      MAIL,
    );
    await expect(refused).rejects.toMatchObject({
      kind: "conflict",
      message: expect.stringContaining("La campagne 2018 est close"),
    });
    expect((await stack.db.doc("campaigns/2018").get()).get("state")).toBe("closed");
    expect(await traces(NIMES)).toEqual(before);
  });

  it("lets a correction be asked again once the Union reopens the campaign", async () => {
    await openCampaign(stack.db, 2018, {}, ADMIN, new Date());
    const res = await review({ structureCode: PAU, state: "reopened", comment: "Bilan certifié." });
    expect(res.status, JSON.stringify(await res.json())).toBe(200);
    expect(await traces(PAU)).toMatchObject({ reviews: 2, mails: 1, state: "reopened" });
  });
});
