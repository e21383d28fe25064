// The outbox sender against a real SMTP server: retries with backoff, permanent refusals, races, a crash mid-send.
import { Worker } from "node:worker_threads";
import { watchOutbox } from "@barometre/stack";
import { useEmulator } from "@barometre/testing/emulator";
import { FROM, queueTestMail, type SenderRig, startSenderRig } from "@barometre/testing/outbox";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { simpleParser } from "mailparser";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type OutboxMail, queueMail } from "../src/mail/outbox.ts";
import { backoffMs, deliverMail, RETRY_POLICY } from "../src/mail/sender.ts";
import { sweepOutbox } from "../src/mail/sweep.ts";
import { mailClaimDoc, mailDoc } from "../src/storage/paths.ts";

const firestore = useEmulator("outbox");
let db: Firestore;
let rig: SenderRig;

beforeAll(async () => {
  db = firestore().db;
});
afterEach(() => rig?.close());

const mailOf = async (id: string) => (await mailDoc(db, id).get()).data() as OutboxMail;
const messageIds = () => rig.sink.received.map((m) => m.messageId);

describe("the outbox sender", () => {
  it("retries through 4xx refusals, a silent server and refused connections, then delivers each mail once", async () => {
    rig = await startSenderRig(db);
    const ids = await Promise.all(Array.from({ length: 5 }, () => queueTestMail(db)));
    const states = async () => Promise.all(ids.map(async (id) => (await mailOf(id)).delivery));

    rig.sink.answer = () => ({ code: 451, message: "4.3.0 Boîte temporairement indisponible" });
    expect(await sweepOutbox(rig.deps)).toEqual({ retry: 5 });
    for (const d of await states()) {
      expect(d).toMatchObject({ state: "RETRY", attempts: 1, leaseExpireTime: null });
      expect(d.error).toMatch(/^Refus temporaire du serveur de courriel \(451\)/);
    }
    const first = await mailOf(ids[0] as string);
    expect((first.due as Timestamp).toMillis() - rig.clock.now().getTime()).toBeGreaterThan(
      backoffMs(RETRY_POLICY, 1) - 5_000,
    );
    // Not due yet: a sweep now leaves them alone.
    expect(await sweepOutbox(rig.deps)).toEqual({});

    rig.clock.advance(backoffMs(RETRY_POLICY, 1));
    rig.sink.answer = () => "hang";
    expect(await sweepOutbox(rig.deps)).toEqual({ retry: 5 });
    for (const d of await states())
      expect(d).toMatchObject({
        state: "RETRY",
        attempts: 2,
        error: expect.stringMatching(/à temps|ECONNECTION|ESOCKET/),
      });

    rig.clock.advance(backoffMs(RETRY_POLICY, 2));
    await rig.sinkDown();
    expect(await sweepOutbox(rig.deps)).toEqual({ retry: 5 });
    for (const d of await states())
      expect(d).toMatchObject({
        state: "RETRY",
        attempts: 3,
        error: expect.stringMatching(/^Connexion au serveur de courriel impossible/),
      });

    rig.clock.advance(backoffMs(RETRY_POLICY, 3));
    rig.sink.answer = () => "accept";
    await rig.sinkUp();
    expect(await sweepOutbox(rig.deps)).toEqual({ sent: 5 });
    for (const [i, d] of (await states()).entries()) {
      expect(d).toMatchObject({
        state: "SUCCESS",
        attempts: 4,
        error: null,
        leaseExpireTime: null,
      });
      expect(d.endTime).toBeInstanceOf(Timestamp);
      expect(d.info).toMatchObject({
        messageId: `<${ids[i]}@pimms.example>`,
        accepted: [expect.stringMatching(/@pimms\.example$/)],
        rejected: [],
      });
    }
    expect([...messageIds()].sort()).toEqual(ids.map((id) => `<${id}@pimms.example>`).sort());
    expect(await sweepOutbox(rig.deps)).toEqual({});
    rig.clock.advance(RETRY_POLICY.maxBackoffMs * 2);
    expect(await sweepOutbox(rig.deps)).toEqual({});
    expect(rig.sink.received).toHaveLength(5);
  });

  it("ends in ERROR with the server's reason on a permanent refusal, and never tries again", async () => {
    rig = await startSenderRig(db);
    const id = await queueTestMail(db);
    rig.sink.answer = () => ({ code: 550, message: "5.1.1 Destinataire inconnu" });
    expect(await deliverMail(rig.deps, id)).toBe("failed");
    const { delivery, due } = await mailOf(id);
    expect(delivery).toMatchObject({ state: "ERROR", attempts: 1 });
    expect(delivery.error).toBe(
      "Refus définitif du serveur de courriel (550) : 5.1.1 Destinataire inconnu",
    );
    expect(delivery.endTime).toBeInstanceOf(Timestamp);
    expect(due).toBeNull();
    rig.sink.answer = () => "accept";
    rig.clock.advance(RETRY_POLICY.maxBackoffMs);
    expect(await sweepOutbox(rig.deps)).toEqual({});
    expect(await deliverMail(rig.deps, id)).toBe("done");
    expect(rig.sink.received).toHaveLength(0);
  });

  it("gives up after the last allowed attempt, saying how many were made and why", async () => {
    rig = await startSenderRig(db, { ...RETRY_POLICY, maxAttempts: 3 });
    const id = await queueTestMail(db);
    rig.sink.answer = () => ({ code: 421, message: "4.7.0 Trop de connexions" });
    const outcomes = [];
    for (let k = 1; k <= 3; k++) {
      outcomes.push(await deliverMail(rig.deps, id));
      rig.clock.advance(backoffMs(rig.deps.policy, k));
    }
    expect(outcomes).toEqual(["retry", "retry", "failed"]);
    const { delivery } = await mailOf(id);
    expect(delivery).toMatchObject({ state: "ERROR", attempts: 3 });
    expect(delivery.error).toMatch(/^Abandon après 3 tentatives\. Refus temporaire .*\(421\)/);
  });

  it("delivers once when ten senders race on the same mail", async () => {
    rig = await startSenderRig(db);
    const id = await queueTestMail(db);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => deliverMail(rig.deps, id)));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "sent").every((o) => o === "busy" || o === "done")).toBe(
      true,
    );
    expect(messageIds()).toEqual([`<${id}@pimms.example>`]);
    expect((await mailOf(id)).delivery).toMatchObject({ state: "SUCCESS", attempts: 1 });
  });

  it("sends once, after the lease expires, a mail whose sender died mid-send", async () => {
    rig = await startSenderRig(db);
    const id = await queueTestMail(db);
    let offered!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      offered = resolve;
    });
    rig.sink.answer = () => {
      offered();
      return "hang";
    };
    const worker = new Worker(new URL("./support/crash-sender.ts", import.meta.url), {
      execArgv: ["--import", "tsx"],
      workerData: { projectId: firestore().emulator.projectId, port: rig.sink.port, mailId: id },
    });
    await inFlight;
    await worker.terminate();
    expect((await mailOf(id)).delivery).toMatchObject({ state: "PROCESSING", attempts: 1 });
    expect((await mailClaimDoc(db, id, 1).get()).get("state")).toBe("sending");

    rig.sink.answer = () => "accept";
    expect(await sweepOutbox(rig.deps)).toEqual({});
    rig.clock.advance(RETRY_POLICY.leaseMs + 1_000);
    expect(await sweepOutbox(rig.deps)).toEqual({ sent: 1 });
    expect(messageIds()).toEqual([`<${id}@pimms.example>`]);
    expect((await mailOf(id)).delivery).toMatchObject({ state: "SUCCESS", attempts: 2 });
    expect(rig.sink.offered).toBe(2);
  });

  it("sends a mail queued in the extension's own schema, with its attachments intact", async () => {
    rig = await startSenderRig(db);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n", "latin1");
    await mailDoc(db, "hand-written").create({
      to: "union@pimms.example",
      message: {
        subject: "Écrit à la main",
        text: "Voir la pièce jointe.",
        html: '<p>Voir <img src="cid:graphique@pimms"></p>',
        attachments: [
          { filename: "g.png", content: png, contentType: "image/png", cid: "graphique@pimms" },
          { filename: "r.pdf", content: pdf, contentType: "application/pdf" },
        ],
      },
    });
    expect(await deliverMail(rig.deps, "hand-written")).toBe("sent");
    const parsed = await simpleParser(rig.sink.received[0]?.raw as Buffer, {
      skipImageLinks: true,
    });
    expect(parsed.messageId).toBe("<hand-written@pimms.example>");
    expect(parsed.from?.value[0]).toMatchObject({
      name: "Baromètre des PIMMS",
      address: "barometre@pimms.example",
    });
    expect(parsed.subject).toBe("Écrit à la main");
    expect(parsed.html).toContain('src="cid:graphique@pimms"');
    const [image, file] = parsed.attachments;
    expect(image?.content.equals(png)).toBe(true);
    expect(image?.cid).toBe("graphique@pimms");
    expect(file?.content.equals(pdf)).toBe(true);
    expect((await mailOf("hand-written")).delivery).toMatchObject({
      state: "SUCCESS",
      attempts: 1,
    });
  });

  it("is triggered by every write locally: new mails go out at once, and a RETRY set by hand is attempted", async () => {
    rig = await startSenderRig(db);
    const watcher = watchOutbox(rig.deps, { sweepEveryMs: 60_000 });
    try {
      rig.sink.answer = () => ({ code: 550, message: "5.7.1 Refusé" });
      const refused = await queueTestMail(db);
      await watcher.drained();
      expect((await mailOf(refused)).delivery.state).toBe("ERROR");
      rig.sink.answer = () => "accept";
      const ids = await Promise.all(Array.from({ length: 3 }, () => queueTestMail(db)));
      // The extension's way to ask for another attempt: set the state to RETRY.
      await mailDoc(db, refused).update({ "delivery.state": "RETRY" });
      await watcher.drained();
      expect([...messageIds()].sort()).toEqual(
        [...ids, refused].map((id) => `<${id}@pimms.example>`).sort(),
      );
      expect((await mailOf(refused)).delivery).toMatchObject({ state: "SUCCESS", attempts: 2 });
    } finally {
      await watcher.stop();
    }
  });

  it("records a mail too large for Firestore as failed with the reason, rather than losing it", async () => {
    rig = await startSenderRig(db);
    const big = Buffer.alloc(1_100_000, 1);
    const attachments = [
      {
        filename: "r.pdf",
        content: big,
        contentType: "application/pdf",
        contentDisposition: "attachment" as const,
      },
    ];
    const outcome = await queueMail(
      db,
      "too-large-report",
      {
        to: ["d@pimms.example"],
        message: { subject: "Rapport", text: "…", html: "", attachments },
        kind: "report",
        campaignYear: 2018,
        structureCode: "PIMMS-ESSAI",
      },
      FROM,
      new Date(),
    );
    expect(outcome).toBe("tooLarge");
    const mail = await mailOf("too-large-report");
    expect(mail.delivery).toMatchObject({ state: "ERROR", attempts: 0 });
    expect(mail.delivery.error).toMatch(
      /^Courriel trop volumineux pour la file d'envoi \(1[\u00a0\u202f]075 Kio, pour 1[\u00a0\u202f]015 Kio au plus\) : il n'a pas été envoyé\.$/,
    );
    expect(mail.message).toEqual({
      subject: "Rapport",
      text: mail.delivery.error,
      html: "",
      attachments: [],
    });
    expect(mail.due).toBeNull();
    expect(await sweepOutbox(rig.deps)).toEqual({});
  });
});
