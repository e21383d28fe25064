// The review dialogue over real HTTP: a request mailed to the director's directory addresses through the real SMTP
// server, a correction with explanations and attestation that answers it, the notice with the difference, the lock
// an acceptance puts, the reopening, and every refusal storing nothing.

import type { OutboxMail } from "@barometre/functions/admin";
import {
  backoffMs,
  openCampaign,
  RETRY_POLICY,
  readAudit,
  saveStructure,
  sweepOutbox,
} from "@barometre/functions/admin";
import { findField, plannedCell } from "@barometre/shared";
import { CALM_SMTP, type SenderRig, startSenderRig } from "@barometre/testing/outbox";
import { barometre } from "@barometre/testing/run-barometre";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  type Reply,
  sampleReturn,
  seedDirectory,
  startTestStack,
  storedCount,
  type TestStack,
} from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CODE = "PIMMS-DIALOGUE";
const OTHER_ADMIN = "tresorerie@union.example";
/** The directory's second address: the mail goes to the directory, never to an address typed in a return. */
const DEPUTY = "adjointe@pimms-dialogue.example";
let stack: TestStack;
let rig: SenderRig;
let director: string;
let admin: string;
let otherAdmin: string;

const submit = async (body: Record<string, unknown>) => {
  const res = await stack.call("submitReturn", { token: director, body });
  return { status: res.status, body: (await res.json()) as Reply };
};
const review = async (token: string, body: Record<string, unknown>) => {
  const res = await stack.call("reviewReturn", {
    token,
    body: { structureCode: CODE, year: 2018, ...body },
  });
  return { status: res.status, body: (await res.json()) as Reply };
};
const previous = async () =>
  (
    await stack.call("previousReturn", {
      token: director,
      query: { structureCode: CODE, year: "2018" },
    })
  ).json();
const outbox = async (id: string) =>
  (await stack.db.doc(`mail/${id}`).get()).data() as OutboxMail | undefined;

/** The 2018 return with its staff doubled since 2017: a ±50 % warning on social.staffTotal. */
function doubledStaff(staff = 2 * (sampleReturn(CODE, 2017).social.staffTotal ?? 0)) {
  const ret = sampleReturn(CODE, 2018);
  ret.social.staffTotal = staff;
  return ret;
}

beforeAll(async () => {
  stack = await startTestStack();
  await seedDirectory(stack.db, [CODE]);
  await saveStructure(
    stack.db,
    {
      code: CODE,
      name: "PIMMS du Dialogue",
      territory: "Urbain QPV",
      emails: [directorOf(CODE), DEPUTY],
    },
    new Date(),
  );
  await stack.db.doc(`admins/${OTHER_ADMIN}`).set({ email: OTHER_ADMIN, addedBy: "test" });
  await openCampaign(stack.db, 2017, {}, ADMIN, new Date());
  await openCampaign(stack.db, 2018, {}, ADMIN, new Date());
  director = await stack.token(directorOf(CODE));
  admin = await stack.token(ADMIN);
  otherAdmin = await stack.token(OTHER_ADMIN);
  rig = await startSenderRig(stack.db, undefined, CALM_SMTP);
  const first = await submit({
    return: sampleReturn(CODE, 2017),
    idempotencyKey: "dialogue-2017",
    attestation: ATTESTATION,
  });
  expect(first.status, JSON.stringify(first.body)).toBe(200);
});
afterAll(async () => {
  await rig?.close();
  await stack?.close();
});

describe("sign-off and explanations are checked before anything is stored", () => {
  it("refuses a return without an attestation, or with an empty name or an unknown role (422)", async () => {
    const before = await storedCount(stack.db, 2018, CODE);
    const cases: [unknown, string][] = [
      [undefined, "L'attestation (« attestation ») manque"],
      [{ name: "  ", role: "direction" }, "(« attestation.name ») est vide"],
      [{ name: "Claire Martin", role: "comptable" }, "direction, présidence, trésorerie"],
    ];
    for (const [attestation, words] of cases) {
      const res = await submit({
        return: doubledStaff(),
        idempotencyKey: "dialogue-bad",
        attestation,
      });
      expect(res.status).toBe(422);
      expect(res.body.error).toContain(words);
    }
    expect(await storedCount(stack.db, 2018, CODE)).toBe(before);
  });

  it("refuses an explanation of a field without a warning, and one over 1,000 characters", async () => {
    const stray = await submit({
      return: doubledStaff(),
      idempotencyKey: "dialogue-stray",
      attestation: ATTESTATION,
      explanations: { "finance.chargesTotal": "Charges conformes au budget." },
    });
    expect(stray.status).toBe(422);
    expect(stray.body.error).toContain("ne porte aucun avertissement");
    expect(stray.body.error).toContain("finance.chargesTotal");
    const long = await submit({
      return: doubledStaff(),
      idempotencyKey: "dialogue-long",
      attestation: ATTESTATION,
      explanations: { "social.staffTotal": "x".repeat(1001) },
    });
    expect(long.status).toBe(400);
    expect(long.body.error).toContain("1000 caractères");
    expect(await storedCount(stack.db, 2018, CODE)).toBe(0);
  });
});

describe("the whole loop", () => {
  it("stores the first revision with its attestation and the explanation of its warning", async () => {
    const res = await submit({
      return: doubledStaff(),
      idempotencyKey: "dialogue-2018-1",
      attestation: { name: " Claire Martin ", role: "présidence" },
      explanations: { "social.staffTotal": "Deux médiateurs recrutés en contrats aidés." },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.findings.map((f: Reply) => f.field)).toContain("social.staffTotal");
    const seen = await previous();
    expect(seen).toMatchObject({
      revision: 1,
      locked: false,
      attestation: { name: "Claire Martin", role: "présidence" },
      explanations: { "social.staffTotal": "Deux médiateurs recrutés en contrats aidés." },
      changes: null,
    });
  });

  it("mails the Union's request once to the directory's addresses, through the SMTP server", async () => {
    const res = await review(admin, {
      revision: 1,
      state: "hasIssues",
      comment: "Le total des charges semble incomplet.",
      fields: ["finance.chargesTotal", "social.staffTotal"],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.review).toMatchObject({ state: "hasIssues", sequence: 1, reviewedBy: ADMIN });
    const mail = await outbox(`review-2018-${CODE}-000001-0001`);
    expect(mail?.to).toEqual([directorOf(CODE), DEPUTY]);
    expect(mail?.kind).toBe("review");
    const text = mail?.message.text ?? "";
    expect(text).toContain("« Le total des charges semble incomplet. »");
    expect(text).toContain("révision 1");
    expect(text).toContain("Total des charges");
    expect(text).toContain("Envoyer à l'Union");
    await sweepOutbox(rig.deps, { limit: 50, concurrency: 2 });
    await sweepOutbox(rig.deps, { limit: 50, concurrency: 2 });
    const received = rig.sink.received.filter((m) => m.messageId?.includes("review-2018"));
    expect(received).toHaveLength(1);
    expect(received[0]?.to.sort()).toEqual([directorOf(CODE), DEPUTY].sort());
    const seen = await previous();
    expect(seen.review).toMatchObject({
      state: "hasIssues",
      comment: "Le total des charges semble incomplet.",
      fields: ["finance.chargesTotal", "social.staffTotal"],
    });
  });

  it("lets one of two admins reviewing at once win; the other gets a 409 and nothing of theirs is kept", async () => {
    const [a, b] = await Promise.all([
      review(admin, { revision: 1, state: "rejected", comment: "Version A." }),
      review(otherAdmin, { revision: 1, state: "rejected", comment: "Version B." }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error).toContain("au même moment");
    const reviews = await stack.db.collection(`campaigns/2018/structures/${CODE}/reviews`).get();
    expect(reviews.docs.map((d) => d.id)).toEqual(["000001-0001", "000001-0002"]);
    const winner = a.status === 200 ? "Version A." : "Version B.";
    expect((await previous()).review.comment).toBe(winner);
  });

  it("takes the correction back to pending; it answers the request and the notice lists the difference", async () => {
    const res = await submit({
      return: doubledStaff(31),
      idempotencyKey: "dialogue-2018-2",
      attestation: ATTESTATION,
      explanations: { "social.staffTotal": "Deux médiateurs recrutés, un départ non remplacé." },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const seen = await previous();
    expect(seen.revision).toBe(2);
    expect(seen.review.state).toBe("pending");
    expect(seen.changes).toEqual([
      expect.objectContaining({ field: "social.staffTotal", before: "18", after: "31" }),
    ]);
    expect(seen.answers).toMatchObject({ revision: 1, state: "rejected" });
    const notice = await outbox(`revision-2018-${CODE}-000002`);
    const text = notice?.message.text ?? "";
    expect(notice?.message.subject).toContain("en réponse à votre demande");
    expect(text).toContain("Cette révision répond à votre demande");
    expect(text).toContain("Chiffres attestés par Claire Martin, pour la direction.");
    // The explained field named as the director sees it in the prepared workbook, never by its key.
    expect(text).toContain(
      `${findField("social.staffTotal")?.label} (onglet « Données sociales », cellule ${plannedCell("social.staffTotal").split("!")[1]}) : Deux médiateurs recrutés, un départ non remplacé.`,
    );
    expect(text).not.toContain("social.staffTotal");
    expect(text).toContain("Changements depuis la révision 1");
    expect(text).toContain(": 18 → 31");
  });

  it("locks the return once accepted: a further send gets a 409 saying who accepted it", async () => {
    const ok = await review(admin, { revision: 2, state: "accepted" });
    expect(ok.status).toBe(200);
    expect(ok.body.locked).toBe(true);
    expect(await outbox(`review-2018-${CODE}-000002-0001`)).toBeUndefined();
    const before = await storedCount(stack.db, 2018, CODE);
    const late = await submit({
      return: doubledStaff(32),
      idempotencyKey: "dialogue-2018-3",
      attestation: ATTESTATION,
      explanations: { "social.staffTotal": "Une dernière embauche." },
    });
    expect(late.status).toBe(409);
    expect(late.body.error).toContain(`accepté par l'Union (${ADMIN})`);
    expect(late.body.error).toContain("rouvrir");
    expect(await storedCount(stack.db, 2018, CODE)).toBe(before);
    expect((await previous()).locked).toBe(true);
    const again = await review(admin, { revision: 2, state: "hasIssues", comment: "Oups." });
    expect(again.status).toBe(409);
  });

  it("reopens only with a reason, tells the director by mail, and lets them send again", async () => {
    const bare = await review(admin, { revision: 2, state: "reopened" });
    expect(bare.status).toBe(400);
    expect(bare.body.error).toContain("comment");
    const res = await review(admin, {
      revision: 2,
      state: "reopened",
      comment: "Le commissaire aux comptes a corrigé le bilan.",
    });
    expect(res.status).toBe(200);
    const mail = await outbox(`review-2018-${CODE}-000002-0002`);
    expect(mail?.message.text).toContain("Motif de la réouverture");
    expect(mail?.message.text).toContain("Le commissaire aux comptes a corrigé le bilan.");
    // The director's server refuses it once: it stays in the outbox, is retried, and arrives exactly once.
    const id = `review-2018-${CODE}-000002-0002`;
    let refusals = 0;
    rig.sink.answer = (raw) =>
      raw.toString().includes(id) && refusals++ === 0
        ? { code: 451, message: "Boîte momentanément indisponible" }
        : "accept";
    await sweepOutbox(rig.deps, { limit: 50, concurrency: 2 });
    expect((await outbox(id))?.delivery.state).toBe("RETRY");
    rig.clock.advance(backoffMs(RETRY_POLICY, 1));
    await sweepOutbox(rig.deps, { limit: 50, concurrency: 2 });
    await sweepOutbox(rig.deps, { limit: 50, concurrency: 2 });
    expect((await outbox(id))?.delivery.state).toBe("SUCCESS");
    expect(rig.sink.received.filter((m) => m.messageId?.includes(id))).toHaveLength(1);
    const sent = await submit({
      return: doubledStaff(32),
      idempotencyKey: "dialogue-2018-3",
      attestation: ATTESTATION,
      explanations: { "social.staffTotal": "Une dernière embauche." },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const seen = await previous();
    expect(seen.revision).toBe(3);
    expect(seen.locked).toBe(false);
    expect(seen.answers).toMatchObject({ state: "reopened", revision: 2 });
    expect(seen.history.map((h: Reply) => [h.revision, h.state])).toEqual([
      [1, "hasIssues"],
      [1, "rejected"],
      [2, "accepted"],
      [2, "reopened"],
    ]);
  });

  it("refuses a reopening of a return that is not locked", async () => {
    const res = await review(admin, { revision: 3, state: "reopened", comment: "Par erreur." });
    expect(res.status).toBe(409);
    expect(res.body.error).toContain("rien à rouvrir");
  });

  it("prints the history and one revision's difference with barometre revisions", async () => {
    const history = await barometre("revisions", CODE.toLowerCase(), "2018");
    expect(history.code, history.stderr).toBe(0);
    for (const words of [
      "révision 2 envoyée (répond à la demande de l'Union)",
      "acceptée : retour verrouillé",
      "réouverture du retour",
      "motif : « Le commissaire aux comptes a corrigé le bilan. »",
      "attestée par Claire Martin (direction)",
    ])
      expect(history.stdout).toContain(words);
    const diff = await barometre("revisions", CODE, "2018", "--diff", "2");
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain("Changements depuis la révision 1");
    expect(diff.stdout).toMatch(/Nombre de salariés au 31\/12 \(social\.staffTotal\)\s+18\s+31/);
    expect(diff.stdout).toContain("Deux médiateurs recrutés, un départ non remplacé.");
    for (const args of [
      ["revisions", CODE, "2018", "--diff", "9"],
      ["revisions", CODE, "2018", "--diff", "deux"],
      ["revisions", "x", "2018"],
      ["revisions", CODE, "1999"],
    ]) {
      const bad = await barometre(...args);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr).toMatch(/révision|code structure|exercice/);
    }
  });

  it("lets the Union decide from the command line too, with the same checks and the same mail", async () => {
    // Each argument refused in the words the user typed, never as the request's JSON fields.
    for (const [args, why] of [
      [["abc", "accepted"], /^Le numéro de révision doit être un entier positif : « abc »\.$/],
      [["0", "accepted"], /^Le numéro de révision doit être un entier positif : « 0 »\.$/],
      [["3", "hasIssues"], /^--comment est obligatoire pour un retour à corriger \(hasIssues\)/],
      [["3", "reopened", "--comment", "  "], /^--comment est obligatoire/],
      [
        ["3", "hasIssues", "--comment", "À revoir.", "--fields", "finance.inconnu,totalCharges"],
        /^--fields : « finance\.inconnu », « totalCharges » ne sont pas des champs du retour/,
      ],
      [["2", "accepted"], /n'est plus la dernière/],
      [
        ["3", "validé"],
        /^L'examen doit être accepted, hasIssues, rejected ou reopened : « validé »\.$/,
      ],
    ] as [string[], RegExp][]) {
      const bad = await barometre("review", CODE, "2018", ...args);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr.trimEnd()).toMatch(why);
      expect(bad.stderr).not.toMatch(/La requête|fields\.0|« (revision|comment|state) »/);
    }
    const ok = await barometre(
      "review",
      CODE,
      "2018",
      "3",
      "hasIssues",
      "--comment",
      "Merci de joindre le bilan certifié.",
      "--fields",
      "finance.chargesTotal",
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("à corriger ; courriel à la direction mis en file d'envoi");
    const mail = await outbox(`review-2018-${CODE}-000003-0001`);
    expect(mail?.to).toEqual([directorOf(CODE), DEPUTY]);
    expect(mail?.message.text).toContain("Merci de joindre le bilan certifié.");
    // The director reads that the Union asked, not the login of the computer it was typed on, which the log keeps.
    expect(mail?.message.text).toContain("Commentaire de l'Union (un membre de l'Union, le ");
    expect(mail?.message.text).not.toMatch(/ligne de commande \(/);
    const logged = await readAudit(stack.db, { structureCode: CODE });
    expect(logged.at(-1)).toMatchObject({
      action: "return.review",
      via: "cli",
      actor: expect.stringMatching(/^ligne de commande \(.+\)$/),
      outcome: "ok",
    });
  });
});
