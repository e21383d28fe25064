// Every refusal of docs/api.md reaches the user as one calm French sentence, with the server's findings placed in the workbook.

import { fixture } from "@barometre/testing/legacy-fixtures";
import { ATTESTATION } from "@barometre/testing/stack";
import { describe, expect, it } from "vitest";
import { snapshot } from "../harness/snapshot.ts";
import { openConnected, submit } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const functions = useFunctionsThread();

describe("refusals", () => {
  it("403: someone who may not send for the structure", async () => {
    const rt = await openConnected(fixture("01"), functions(), { email: "intrus@exemple.fr" });
    const before = snapshot(rt.book);
    expect(submit(rt)).toMatchObject({
      sent: false,
      message:
        "L'adresse intrus@exemple.fr n'est pas autorisée pour la structure « PIMMS-LYON-METROPOLE » : vérifiez le code structure, ou demandez à l'Union de vous ajouter à l'annuaire.",
    });
    expect(snapshot(rt.book)).toEqual(before);
  });

  it("401: an identity the functions do not accept", async () => {
    const token = await functions().token("direction@lyon.pimms.example", "another-client-id");
    const rt = await openConnected(fixture("01"), functions(), { token });
    expect(submit(rt)).toMatchObject({
      sent: false,
      message:
        "Votre identité Google n'a pas été reconnue par le service de l'Union : fermez puis rouvrez le classeur, et réessayez.",
    });
  });

  it("409: a campaign the Union has closed", async () => {
    await functions().openCampaign(2017);
    await functions().closeCampaign(2017);
    const rt = await openConnected(fixture("05"), functions());
    const year = rt.book.names.get("fld_identification_year");
    rt.spreadsheet.getRange(`'${year?.sheet}'!B${(year?.range.top ?? 0) + 1}`).setValue(2017);
    expect(submit(rt)).toMatchObject({
      sent: false,
      message: "La campagne 2017 est close : l'Union n'accepte plus de retours pour cet exercice.",
    });
  });

  const lyon = fixture("01");
  const director = lyon.ret.identification.directorEmail as string;
  const wrong = { ...lyon.ret, finance: { ...lyon.ret.finance, chargesTotal: 0 } };

  it.each([
    [
      400,
      "pas du JSON",
      "Le service de l'Union n'a pas compris l'envoi. Réessayez ; si cela se reproduit, prévenez l'Union.",
    ],
    [
      413,
      JSON.stringify({ return: {}, idempotencyKey: "x".repeat(1_100_000) }),
      "Le retour dépasse la taille acceptée (1 Mo) : prévenez l'Union.",
    ],
    [
      422,
      JSON.stringify({
        return: wrong,
        idempotencyKey: "cle-de-test-422",
        attestation: ATTESTATION,
      }),
      "Le service de l'Union a relevé des erreurs dans le retour : corrigez-les, puis renvoyez.",
    ],
  ])("%i: the functions' own answer, replayed to the add-on", async (status, body, message) => {
    const real = await functions().post("submitReturn", body, director);
    expect(real.status).toBe(status);
    const rt = await openConnected(lyon, functions());
    await functions().setMode({ kind: "answer", status: real.status, body: real.body });
    try {
      const outcome = submit(rt);
      expect(outcome).toMatchObject({ sent: false, message });
      if (status === 422) {
        // The functions point at the canonical tab; this workbook's own tab was named "Données financières".
        const total = rt.book.names.get("fld_finance_chargesTotal");
        const cells = (outcome as { findings: { cell: string | null }[] }).findings.map(
          (f) => f.cell,
        );
        expect(cells).toContain(`'${total?.sheet}'!B${(total?.range.top ?? 0) + 1}`);
        expect(cells.every((c) => c?.startsWith("'Données financières ✓'!"))).toBe(true);
        expect(total?.sheet).toBe("Données financières ✓");
      }
    } finally {
      await functions().setMode({ kind: "pass" });
    }
  });
});
