// When the functions cannot be reached, answer too late or fail, the user reads why in French, the sheet is intact,
// and the next click sends the same idempotency key, so nothing is ever stored twice.

import { fixture } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import { snapshot } from "../harness/snapshot.ts";
import { openConnected, sentKeys, submit } from "./support/connected-session.ts";
import { unreachableUrl } from "./support/fault-proxy.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const functions = useFunctionsThread();

describe("faults", () => {
  it("unreachable functions: nothing lost, the retry sends the same key", async () => {
    const down = await unreachableUrl();
    const rt = await openConnected(fixture("01"), functions(), {
      base: down,
      whitelist: [down, functions().proxy],
    });
    const before = snapshot(rt.book);
    expect(submit(rt)).toMatchObject({
      sent: false,
      message:
        "Le service de l'Union est injoignable pour le moment. Votre classeur est intact ; vérifiez la connexion puis réessayez.",
    });
    expect(snapshot(rt.book)).toEqual(before);
    rt.setFunctionsUrl(functions().proxy);
    expect(submit(rt)).toMatchObject({ sent: true, submission: { revision: 1 } });
    const [failed, sent] = sentKeys(rt);
    expect(sent).toBe(failed);
  });

  it("an answer too late: the retry gets the revision already stored, not a second one", async () => {
    const rt = await openConnected(fixture("02"), functions(), {
      fetchTimeoutMs: 1_500,
    });
    const before = snapshot(rt.book);
    await functions().setMode({ kind: "slow", ms: 4_000 });
    try {
      expect(submit(rt)).toMatchObject({
        sent: false,
        message:
          "Le service de l'Union n'a pas répondu à temps. Votre classeur est intact ; réessayez : renvoyer le même retour ne crée pas de doublon.",
      });
    } finally {
      await functions().setMode({ kind: "pass" });
    }
    expect(snapshot(rt.book)).toEqual(before);
    const retry = submit(rt);
    expect(retry).toMatchObject({ sent: true, submission: { revision: 1 } });
    expect(retry.message).toContain("déjà arrivé à l'Union (révision 1)");
    expect(new Set(sentKeys(rt)).size).toBe(1);
  });

  it("a French user: Apps Script's French exceptions are told apart as for an English one", async () => {
    const down = await unreachableUrl();
    const away = await openConnected(fixture("01"), functions(), {
      base: down,
      whitelist: [down],
      userLanguage: "fr",
    });
    expect(submit(away)).toMatchObject({
      sent: false,
      message:
        "Le service de l'Union est injoignable pour le moment. Votre classeur est intact ; vérifiez la connexion puis réessayez.",
    });
    const slow = await openConnected(fixture("01"), functions(), {
      fetchTimeoutMs: 1_500,
      userLanguage: "fr",
    });
    await functions().setMode({ kind: "slow", ms: 4_000 });
    try {
      expect(submit(slow)).toMatchObject({
        sent: false,
        message:
          "Le service de l'Union n'a pas répondu à temps. Votre classeur est intact ; réessayez : renvoyer le même retour ne crée pas de doublon.",
      });
    } finally {
      await functions().setMode({ kind: "pass" });
    }
  });

  it("a server error: said calmly, nothing lost, the retry sends the same key", async () => {
    const rt = await openConnected(fixture("05"), functions());
    const before = snapshot(rt.book);
    await functions().setMode({
      kind: "answer",
      status: 503,
      body: { error: "Service momentanément indisponible." },
    });
    try {
      expect(submit(rt)).toMatchObject({
        sent: false,
        message:
          "Le service de l'Union rencontre un problème passager (code 503). Rien n'a été enregistré et votre classeur est intact : réessayez dans quelques minutes.",
      });
    } finally {
      await functions().setMode({ kind: "pass" });
    }
    expect(snapshot(rt.book)).toEqual(before);
    expect(submit(rt)).toMatchObject({ sent: true, submission: { revision: 1 } });
    expect(new Set(sentKeys(rt)).size).toBe(1);
  });
});
