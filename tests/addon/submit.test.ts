// « Envoyer à l'Union » against the local functions: one revision per content, echoes recognised, every refusal in French.

import { fixture } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import { snapshot } from "../harness/snapshot.ts";
import { openConnected, sentKeys, submit } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const functions = useFunctionsThread();

describe("submit", () => {
  it("sends a complete return once, echoes a repeat, and makes a new revision after an edit", async () => {
    const fx = fixture("04");
    const rt = await openConnected(fx, functions());
    const first = submit(rt);
    expect(first).toMatchObject({
      sent: true,
      message: expect.stringContaining("Retour envoyé à l'Union : révision 1 enregistrée."),
      submission: { revision: 1, who: fx.ret.identification.directorEmail },
    });
    const [request] = rt.urlFetch.requests;
    expect(request?.method).toBe("POST");
    expect(request?.headers.Authorization).toMatch(/^Bearer ey/);
    expect(request?.headers["Content-Type"]).toBe("application/json");
    expect(JSON.parse(request?.payload ?? "").return).toEqual(fx.ret);

    const again = submit(rt);
    expect(again).toMatchObject({ sent: true, submission: { revision: 1 } });
    expect(again.message).toContain("déjà arrivé à l'Union (révision 1)");
    expect(sentKeys(rt)[1]).toBe(sentKeys(rt)[0]);

    const cell = rt.book.names.get("fld_network_eventParticipants");
    rt.spreadsheet.getRange(`'${cell?.sheet}'!B${(cell?.range.top ?? 0) + 1}`).setValue(321);
    const edited = submit(rt);
    expect(edited).toMatchObject({ sent: true, submission: { revision: 2 } });
    expect(new Set(sentKeys(rt)).size).toBe(2);
  });

  it("refuses locally, without any request, a return with errors or missing required fields", async () => {
    const rt = await openConnected(fixture("03"), functions());
    const before = snapshot(rt.book);
    const outcome = submit(rt);
    expect(outcome).toMatchObject({
      sent: false,
      message: "Envoi impossible pour l'instant : 1 erreur à corriger.",
    });
    expect(rt.urlFetch.requests).toHaveLength(0);
    expect(snapshot(rt.book)).toEqual(before);
  });
});
