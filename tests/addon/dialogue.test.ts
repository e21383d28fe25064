// The review dialogue in the add-on, against the local functions: the attestation typed once, the Union's request at
// the top of the panel with its fields leading to their cells, an explanation kept in the workbook and sent with the
// correction, what changed, and the lock an acceptance puts.

import { fixture } from "@barometre/testing/legacy-fixtures";
import { ADMIN } from "@barometre/testing/stack";
import { describe, expect, it } from "vitest";
import { openConnected, SESSION_ATTESTATION, submit } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const functions = useFunctionsThread();

/** A server function's answer, its value in the shape the test reads. */
type Run<T = unknown> = { ok: true; value: T } | { ok: false; message: string };

describe("the review dialogue in the sidebar", () => {
  it("runs the loop: attestation, request, explanation, correction, difference, lock", async () => {
    const fx = fixture("04");
    const code = fx.ret.identification.structureCode as string;
    const director = fx.ret.identification.directorEmail as string;
    // A 2017 return with a third of the visitors: the 2018 workbook's visitors are a ±50 % warning of the Union.
    await functions().openCampaign(2017);
    const before = structuredClone(fx.ret);
    before.identification.year = 2017;
    before.activity.visitors = Math.round((fx.ret.activity.visitors ?? 3000) / 3);
    const seeded = await functions().post(
      "submitReturn",
      JSON.stringify({
        return: before,
        idempotencyKey: "dialogue-2017",
        attestation: SESSION_ATTESTATION,
      }),
      director,
    );
    expect(seeded.status, JSON.stringify(seeded.body)).toBe(200);

    const unsigned = await openConnected(fx, functions(), { attest: false });
    const refused = submit(unsigned);
    expect(refused).toMatchObject({ sent: false, message: expect.stringContaining("Attestation") });
    expect(unsigned.urlFetch.requests).toHaveLength(0);
    const empty = unsigned.run("runSaveAttestation", "  ", "direction") as Run;
    expect(empty).toEqual({ ok: false, message: expect.stringContaining("nom") });

    const rt = await openConnected(fx, functions());
    const state = rt.run("panelState") as Run<{ attestation: unknown }>;
    expect(state.ok && state.value.attestation).toEqual(SESSION_ATTESTATION);
    const first = submit(rt);
    expect(first.sent).toBe(true);
    expect(first.sent && first.warnings.map((w) => w.field)).toContain("activity.visitors");
    expect(JSON.parse(rt.urlFetch.requests[0]?.payload ?? "{}").attestation).toEqual(
      SESSION_ATTESTATION,
    );

    const review = await functions().post(
      "reviewReturn",
      JSON.stringify({
        structureCode: code,
        year: 2018,
        revision: 1,
        state: "hasIssues",
        comment: "La fréquentation a triplé : merci de confirmer.",
        fields: ["activity.visitors"],
      }),
      ADMIN,
    );
    expect(review.status).toBe(200);
    const shown = rt.run("panelReview") as Run<{ when: string; fields: { cell: string | null }[] }>;
    expect(shown.ok).toBe(true);
    const view = shown.ok ? shown.value : null;
    expect(view).toMatchObject({
      revision: 1,
      state: "à corriger",
      comment: "La fréquentation a triplé : merci de confirmer.",
      who: ADMIN,
      locked: false,
    });
    expect(view?.when).toMatch(/^\d{2}\/\d{2}\/\d{4} à \d{2}:\d{2}$/);
    const cell = view?.fields[0]?.cell;
    expect(cell).toMatch(/!/);
    expect((rt.run("selectCell", cell) as Run).ok).toBe(true);

    const saved = rt.run(
      "runSaveExplanation",
      "activity.visitors",
      "Reprise de l'antenne de Villejean au 1er janvier.",
    ) as Run;
    expect(saved.ok).toBe(true);
    const tooLong = rt.run("runSaveExplanation", "activity.visitors", "x".repeat(1001)) as Run;
    expect(tooLong.ok).toBe(false);
    const names = rt.book.names.get("fld_network_eventParticipants");
    rt.spreadsheet.getRange(`'${names?.sheet}'!B${(names?.range.top ?? 0) + 1}`).setValue(321);
    rt.urlFetch.requests.length = 0;
    const corrected = submit(rt);
    expect(corrected).toMatchObject({ sent: true, submission: { revision: 2 } });
    expect(corrected.sent && corrected.changes).toEqual([expect.stringContaining("→ 321")]);
    expect(JSON.parse(rt.urlFetch.requests[0]?.payload ?? "{}").explanations).toEqual({
      "activity.visitors": "Reprise de l'antenne de Villejean au 1er janvier.",
    });
    // The correction awaits its review: the panel shows the request it answers.
    expect(rt.run("panelReview")).toMatchObject({
      ok: true,
      value: {
        revision: 2,
        state: "en attente d'examen",
        headline: expect.stringContaining("répond à cette demande de l'Union"),
        comment: "La fréquentation a triplé : merci de confirmer.",
        locked: false,
      },
    });

    const accepted = await functions().post(
      "reviewReturn",
      JSON.stringify({ structureCode: code, year: 2018, revision: 2, state: "accepted" }),
      ADMIN,
    );
    expect(accepted.status).toBe(200);
    expect(rt.run("panelReview")).toMatchObject({
      ok: true,
      value: { state: "accepté", locked: true },
    });
    rt.spreadsheet.getRange(`'${names?.sheet}'!B${(names?.range.top ?? 0) + 1}`).setValue(322);
    const locked = submit(rt);
    expect(locked).toMatchObject({
      sent: false,
      message: expect.stringContaining(`accepté par l'Union (${ADMIN})`),
    });
  });
});
