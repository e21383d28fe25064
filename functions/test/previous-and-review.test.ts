// previousReturn pre-fills from the latest revision; reviewReturn lets the Union judge a revision the director then sees.

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
import { openCampaign } from "../src/storage/campaigns.ts";

let stack: TestStack;
let director: string;
let admin: string;
const CODE = "PIMMS-LYON";
const FIXED = new Date("2019-05-02T09:30:00.000Z");

beforeAll(async () => {
  stack = await startTestStack({ clock: () => FIXED });
  await seedDirectory(stack.db, [CODE, "PIMMS-NIMES"]);
  await openCampaign(stack.db, 2018, {}, ADMIN, new Date());
  director = await stack.token(directorOf(CODE));
  admin = await stack.token(ADMIN);
  for (const [key, staff] of [
    ["lyon-first", 12],
    ["lyon-second", 14],
  ] as const) {
    const ret = sampleReturn(CODE);
    ret.social.staffTotal = staff;
    const res = await stack.call("submitReturn", {
      token: director,
      body: { return: ret, idempotencyKey: key, attestation: ATTESTATION },
    });
    expect(res.status, JSON.stringify(await res.json())).toBe(200);
  }
});
afterAll(() => stack.close());

const previous = (token: string, query: Record<string, string>) =>
  stack.call("previousReturn", { token, query });
const review = (token: string, body: unknown) => stack.call("reviewReturn", { token, body });

describe("previousReturn", () => {
  it("gives the director the latest revision of their return, unreviewed", async () => {
    const res = await previous(director, { structureCode: CODE, year: "2018" });
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.return.social.staffTotal).toBe(14);
    expect(body.return).toEqual({
      ...sampleReturn(CODE),
      social: { ...sampleReturn(CODE).social, staffTotal: 14 },
    });
    expect(body).toMatchObject({
      revision: 2,
      submittedAt: FIXED.toISOString(),
      submittedBy: directorOf(CODE),
      review: {
        state: "pending",
        comment: null,
        fields: [],
        reviewedBy: null,
        reviewedAt: null,
        sequence: 0,
      },
      locked: false,
      explanations: {},
      attestation: ATTESTATION,
      history: [],
    });
  });

  it("accepts the structure code in small letters", async () => {
    const res = await previous(director, { structureCode: CODE.toLowerCase(), year: "2018" });
    expect(res.status).toBe(200);
  });

  it("answers 404 when nothing was received for that exercice", async () => {
    const res = await previous(director, { structureCode: CODE, year: "2017" });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toContain("2017");
  });

  it("answers 403 for another structure and 401 without a token", async () => {
    const other = await previous(director, { structureCode: "PIMMS-NIMES", year: "2018" });
    expect(other.status).toBe(403);
    const anonymous = await stack.call("previousReturn", {
      query: { structureCode: CODE, year: "2018" },
    });
    expect(anonymous.status).toBe(401);
  });

  it("answers 400 for a missing or malformed structure code or year", async () => {
    const queries: Record<string, string>[] = [
      { year: "2018" },
      { structureCode: "x", year: "2018" },
      { structureCode: CODE },
      { structureCode: CODE, year: "18" },
    ];
    for (const query of queries) {
      const res = await previous(director, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect((await res.json()).error).toMatch(/structureCode|year/);
    }
  });

  it("lets a Union admin read any structure", async () => {
    expect((await previous(admin, { structureCode: CODE, year: "2018" })).status).toBe(200);
  });
});

describe("reviewReturn", () => {
  it("records the Union's review of a revision, which the director then sees", async () => {
    const res = await review(admin, {
      structureCode: CODE,
      year: 2018,
      revision: 2,
      state: "hasIssues",
      comment: "Les fonds associatifs semblent inversés avec le résultat.",
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.review).toEqual({
      state: "hasIssues",
      comment: "Les fonds associatifs semblent inversés avec le résultat.",
      fields: [],
      reviewedBy: ADMIN,
      reviewedAt: FIXED.toISOString(),
      sequence: 1,
    });
    const seen = await (await previous(director, { structureCode: CODE, year: "2018" })).json();
    expect(seen.review).toEqual(body.review);
    const latest = await stack.db.doc(`campaigns/2018/latest/${CODE}`).get();
    expect(latest.get("review.state")).toBe("hasIssues");
  });

  it("changes only the review, never the submitted data, and can be given again", async () => {
    const ok = await review(admin, {
      structureCode: CODE,
      year: 2018,
      revision: 2,
      state: "accepted",
    });
    expect(ok.status).toBe(200);
    const seen = await (await previous(director, { structureCode: CODE, year: "2018" })).json();
    expect(seen.review).toMatchObject({ state: "accepted", comment: null });
    expect(seen.return.social.staffTotal).toBe(14);
    const first = await stack.db.doc(`campaigns/2018/structures/${CODE}/revisions/000001`).get();
    expect(first.get("review.state")).toBe("pending");
  });

  it("refuses a review of a revision that is not the latest, and stores nothing", async () => {
    const res = await review(admin, {
      structureCode: CODE,
      year: 2018,
      revision: 1,
      state: "rejected",
      comment: "Remplacé par la révision 2.",
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toContain("Examinez la révision 2");
    const first = await stack.db.doc(`campaigns/2018/structures/${CODE}/revisions/000001`).get();
    expect(first.get("review.state")).toBe("pending");
    const latest = await stack.db.doc(`campaigns/2018/latest/${CODE}`).get();
    expect(latest.get("review.state")).toBe("accepted");
  });

  it("requires a comment for a return to correct or rejected", async () => {
    const res = await review(admin, {
      structureCode: CODE,
      year: 2018,
      revision: 2,
      state: "rejected",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain("comment");
  });

  it("refuses an unknown state, an unknown revision, and a director", async () => {
    const bad = await review(admin, { structureCode: CODE, year: 2018, revision: 2, state: "ok" });
    expect(bad.status).toBe(400);
    const missing = await review(admin, {
      structureCode: CODE,
      year: 2018,
      revision: 9,
      state: "accepted",
    });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toContain("révision 9");
    const byDirector = await review(director, {
      structureCode: CODE,
      year: 2018,
      revision: 2,
      state: "accepted",
    });
    expect(byDirector.status).toBe(403);
    const anonymous = await stack.call("reviewReturn", { body: { structureCode: CODE } });
    expect(anonymous.status).toBe(401);
  });

  it("keeps the latest copy right when reviews and new revisions interleave", async () => {
    const reopened = await review(admin, {
      structureCode: CODE,
      year: 2018,
      revision: 2,
      state: "reopened",
      comment: "Le bilan certifié est arrivé : merci de reprendre les fonds associatifs.",
    });
    expect(reopened.status).toBe(200);
    const submissions = Array.from({ length: 4 }, async (_, i) => {
      const ret = sampleReturn(CODE);
      ret.social.staffTotal = 20 + i;
      return stack.call("submitReturn", {
        token: director,
        body: { return: ret, idempotencyKey: `lyon-interleave-${i}`, attestation: ATTESTATION },
      });
    });
    const reviews = Array.from({ length: 4 }, (_, i) =>
      review(admin, {
        structureCode: CODE,
        year: 2018,
        revision: 2,
        state: "hasIssues",
        comment: `Point ${i}`,
      }),
    );
    const all = await Promise.all([...submissions, ...reviews]);
    // Reviews of revision 2 succeed while it is the latest, then get a 409: it has been replaced.
    expect(all.slice(0, 4).map((r) => r.status)).toEqual(Array(4).fill(200));
    for (const r of all.slice(4)) expect([200, 409]).toContain(r.status);
    const latest = await stack.db.doc(`campaigns/2018/latest/${CODE}`).get();
    const top = await stack.db.doc(`campaigns/2018/structures/${CODE}/revisions/000006`).get();
    expect(latest.get("number")).toBe(6);
    expect(latest.data()).toEqual(top.data());
  });
});
