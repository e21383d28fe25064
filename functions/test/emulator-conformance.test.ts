// Fails if the in-process Firestore emulator stops honouring a behaviour the storage relies on (see layout.ts).

import {
  emulatorFirestore,
  type FirestoreEmulator,
  startFirestoreEmulator,
} from "@barometre/stack";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlreadyExists, isNotFound } from "../src/storage/firestore-errors.ts";

let emulator: FirestoreEmulator;
let db: Firestore;

beforeAll(async () => {
  emulator = await startFirestoreEmulator(`demo-conformance-${process.pid}`);
  db = emulatorFirestore(emulator);
});
afterAll(() => emulator.stop());

describe("the Firestore emulator", () => {
  it("listens on 127.0.0.1 and is what firebase-admin talks to", () => {
    expect(emulator.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(process.env.FIRESTORE_EMULATOR_HOST).toBe(emulator.host);
  });

  it("lets exactly one of 50 concurrent create() of one id succeed, the others failing ALREADY_EXISTS", async () => {
    const ref = db.doc("conformance/race");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => ref.create({ writer: i })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failures = outcomes.filter((o) => o.status === "rejected");
    expect(failures).toHaveLength(49);
    for (const f of failures) expect(isAlreadyExists(f.reason)).toBe(true);
  });

  it("fails update() of a missing document with NOT_FOUND, creating nothing", async () => {
    const ref = db.doc("conformance/missing");
    const error = await ref.update({ a: 1 }).catch((e: unknown) => e);
    expect(isNotFound(error)).toBe(true);
    expect((await ref.get()).exists).toBe(false);
  });

  it("keeps consecutive numbers when writers race on 'query the highest, create the next'", async () => {
    const col = db.collection("conformance/log/entries");
    const append = async (writer: number) => {
      for (;;) {
        const top = await col.orderBy("n", "desc").limit(1).get();
        const n = ((top.docs[0]?.get("n") as number | undefined) ?? 0) + 1;
        try {
          await col.doc(String(n).padStart(6, "0")).create({ n, writer });
          return;
        } catch (error) {
          if (!isAlreadyExists(error)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 30 }, (_, i) => append(i)));
    const all = await col.orderBy("n").get();
    expect(all.docs.map((d) => d.get("n"))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(all.docs.map((d) => d.get("writer"))).size).toBe(30);
  });

  it("answers where + orderBy + limit, equality on a field, and count()", async () => {
    const col = db.collection("conformance/query/docs");
    for (let i = 1; i <= 6; i++)
      await col.doc(`d${i}`).create({ n: i, key: i % 2 ? "odd" : "even", code: `C${7 - i}` });
    const top = await col.where("key", "==", "odd").orderBy("n", "desc").limit(1).get();
    expect(top.docs.map((d) => d.get("n"))).toEqual([5]);
    const one = await col.where("key", "==", "even").limit(1).get();
    expect(one.size).toBe(1);
    expect((await col.where("key", "==", "none").limit(1).get()).empty).toBe(true);
    expect((await col.count().get()).data().count).toBe(6);
    const byCode = await col.orderBy("code").get();
    expect(byCode.docs.map((d) => d.get("code"))).toEqual(["C1", "C2", "C3", "C4", "C5", "C6"]);
  });

  it("queries a subcollection whose parent document does not exist", async () => {
    const col = db.collection("conformance/ghost-parent/children");
    await col.doc("a").create({ n: 1 });
    expect((await db.doc("conformance/ghost-parent").get()).exists).toBe(false);
    expect((await col.get()).size).toBe(1);
  });

  it("reads several documents with getAll, in order, telling which exist", async () => {
    await db.doc("conformance/getall-a").create({ v: 1 });
    const snaps = await db.getAll(db.doc("conformance/getall-a"), db.doc("conformance/getall-b"));
    expect(snaps.map((s) => [s.id, s.exists])).toEqual([
      ["getall-a", true],
      ["getall-b", false],
    ]);
  });

  it("applies updates of nested fields, and update() replaces a whole map field", async () => {
    const ref = db.doc("conformance/nested");
    await ref.create({ review: { state: "pending", comment: null }, bands: { a: 1, b: 2 } });
    await ref.update({ "review.state": "rejected", "review.comment": "Chiffres à revoir" });
    await ref.update({ bands: { c: 3 } });
    expect((await ref.get()).data()).toEqual({
      review: { state: "rejected", comment: "Chiffres à revoir" },
      bands: { c: 3 },
    });
  });

  it("overwrites every field of a document with set() when the new data has the same fields", async () => {
    const ref = db.doc("conformance/copy");
    await ref.set({ number: 1, review: { state: "pending" }, payload: { a: 1 } });
    await ref.set({ number: 2, review: { state: "rejected" }, payload: { a: 2 } });
    expect((await ref.get()).data()).toEqual({
      number: 2,
      review: { state: "rejected" },
      payload: { a: 2 },
    });
  });

  it("stores timestamps to the millisecond, nulls and nested arrays of objects", async () => {
    const at = new Date("2019-06-20T08:30:15.123Z");
    const ref = db.doc("conformance/values");
    const data = {
      at: Timestamp.fromDate(at),
      none: null,
      list: [{ a: 1, b: null }],
      n: 0.1 + 0.2,
    };
    await ref.create(data);
    const back = (await ref.get()).data() as typeof data;
    expect(back.at.toDate().toISOString()).toBe(at.toISOString());
    expect(back).toMatchObject({ none: null, list: [{ a: 1, b: null }], n: 0.1 + 0.2 });
  });

  it("ignores select() and returns whole documents (a known deviation: nothing may depend on select)", async () => {
    const col = db.collection("conformance/select/docs");
    await col.doc("a").create({ kept: 1, dropped: { big: "x".repeat(100) } });
    const [projected] = (await col.select("kept").get()).docs;
    const [idsOnly] = (await col.select().get()).docs;
    // Firestore returns { kept: 1 } and {}; if the emulator ever does too, update this test and layout.ts.
    expect(projected?.data()).toEqual({ kept: 1, dropped: { big: "x".repeat(100) } });
    expect(idsOnly?.data()).toEqual({ kept: 1, dropped: { big: "x".repeat(100) } });
  });

  it("deletes documents, one by one and in a batch", async () => {
    const refs = ["del-a", "del-b", "del-c"].map((id) => db.doc(`conformance/${id}`));
    for (const ref of refs) await ref.create({ x: 1 });
    await refs[0]?.delete();
    const batch = db.batch();
    for (const ref of refs.slice(1)) batch.delete(ref);
    await batch.commit();
    expect((await db.getAll(...refs)).map((s) => s.exists)).toEqual([false, false, false]);
  });

  it("refuses FAILED_PRECONDITION an update made on a read that a later write has outdated, even in the same millisecond", async () => {
    const ref = db.doc("conformance/precondition");
    await ref.set({ m: { a: "1" }, b: Buffer.from([1, 2, 3]) });
    const read = await ref.get();
    // Written at once after the read: the stored update time still changes.
    await ref.set({ m: { c: "3" } }, { merge: true });
    const error = await ref
      .update({ m: {} }, { lastUpdateTime: read.updateTime as Timestamp })
      .catch((e: unknown) => e);
    expect((error as { code?: number }).code).toBe(9);
    expect((await ref.get()).get("m")).toEqual({ a: "1", c: "3" });
    const current = await ref.get();
    await ref.update({ m: {} }, { lastUpdateTime: current.updateTime as Timestamp });
    const after = await ref.get();
    expect(after.get("m")).toEqual({});
    expect([...(after.get("b") as Uint8Array)]).toEqual([1, 2, 3]);
  });

  it("runs a transaction again when a document it read is written before its commit, which then sees the write", async () => {
    const read = db.doc("conformance/tx-read");
    await read.set({ state: "open" });
    const seen: string[] = [];
    await db.runTransaction(async (tx) => {
      const state = (await tx.get(read)).get("state") as string;
      seen.push(state);
      // Another client's write, once, between this attempt's read and its commit.
      if (seen.length === 1) await read.update({ state: "closed" });
      tx.set(db.doc("conformance/tx-written"), { saw: state });
    });
    expect(seen).toEqual(["open", "closed"]);
    expect((await db.doc("conformance/tx-written").get()).data()).toEqual({ saw: "closed" });
    // A transaction nobody disturbs commits at the first attempt.
    let attempts = 0;
    await db.runTransaction(async (tx) => {
      attempts++;
      await tx.get(read);
      tx.set(db.doc("conformance/tx-written"), { saw: "again" });
    });
    expect(attempts).toBe(1);
  });
});
