// submitReturn end to end: accepted, duplicate, 400, 403, 405, 409, 413, 422, and that refusals store nothing.

import { plannedCell } from "@barometre/shared";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  type JsonResponse,
  sampleReturn,
  seedDirectory,
  startTestStack,
  storedCount,
  type TestStack,
} from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../src/runtime/config.ts";
import { closeCampaign, openCampaign } from "../src/storage/campaigns.ts";

let stack: TestStack;
let rennes: string;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDirectory(stack.db, ["PIMMS-RENNES", "PIMMS-CENON", "PIMMS-NIMES"]);
  await openCampaign(stack.db, 2018, {}, ADMIN, new Date());
  rennes = await stack.token(directorOf("PIMMS-RENNES"));
});
afterAll(() => stack.close());

const submit = (body: unknown, token = rennes): Promise<JsonResponse> =>
  stack.call("submitReturn", { token, body });

/** Sends a request expected to be refused and checks its status, its French error and that nothing was stored. */
async function refused(status: number, send: () => Promise<JsonResponse>, code = "PIMMS-RENNES") {
  const before = await storedCount(stack.db, 2018, code);
  const res = await send();
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(typeof body.error).toBe("string");
  expect(body.error).not.toMatch(/\bat \w+ \(|Error:|undefined/);
  expect(await storedCount(stack.db, 2018, code)).toBe(before);
  return body as { error: string; findings?: unknown[] };
}

describe("submitReturn accepts", () => {
  it("a valid return as revision 1, with its indicators computed on the server", async () => {
    const res = await submit({
      return: sampleReturn(),
      idempotencyKey: "rennes-2018-a",
      attestation: ATTESTATION,
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      status: "accepted",
      revision: 1,
      duplicate: false,
      positioning: { structureCode: "PIMMS-RENNES", territory: "Urbain QPV", networkSize: 1 },
    });
    expect(body.indicators.trainingRate.value).toBeCloseTo(0.036440166068538456, 12);
    expect(body.indicators.financialBalance.status).toBe("red");
    expect(await storedCount(stack.db, 2018, "PIMMS-RENNES")).toBe(3);
  });

  it("a repeated idempotency key with the first answer, flagged duplicate, storing nothing", async () => {
    const first = await (
      await submit({
        return: sampleReturn(),
        idempotencyKey: "rennes-2018-dup",
        attestation: ATTESTATION,
      })
    ).json();
    const before = await storedCount(stack.db, 2018, "PIMMS-RENNES");
    const again = await submit({
      return: sampleReturn(),
      idempotencyKey: "rennes-2018-dup",
      attestation: ATTESTATION,
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...first, duplicate: true });
    expect(await storedCount(stack.db, 2018, "PIMMS-RENNES")).toBe(before);
  });

  it("a new key as the next revision, which becomes the structure's latest", async () => {
    const ret = sampleReturn();
    ret.social.staffTotal = 10;
    const body = await (
      await submit({ return: ret, idempotencyKey: "rennes-2018-next", attestation: ATTESTATION })
    ).json();
    const latest = await stack.db.doc("campaigns/2018/latest/PIMMS-RENNES").get();
    expect(latest.get("number")).toBe(body.revision);
    expect(latest.get("payload.social.staffTotal")).toBe(10);
    expect(latest.get("submittedBy")).toBe(directorOf("PIMMS-RENNES"));
  });

  it("a structure code in small letters, stored in capitals", async () => {
    const ret = sampleReturn("pimms-cenon");
    const token = await stack.token(directorOf("PIMMS-CENON"));
    const res = await submit(
      { return: ret, idempotencyKey: "cenon-lower", attestation: ATTESTATION },
      token,
    );
    expect(res.status).toBe(200);
    const latest = await stack.db.doc("campaigns/2018/latest/PIMMS-CENON").get();
    expect(latest.get("payload.identification.structureCode")).toBe("PIMMS-CENON");
  });

  it("a body of exactly the size limit", async () => {
    const json = JSON.stringify({
      return: sampleReturn(),
      idempotencyKey: "rennes-at-limit",
      attestation: ATTESTATION,
    });
    const padded = `${json.slice(0, -1)}${" ".repeat(MAX_BODY_BYTES - Buffer.byteLength(json))}}`;
    expect(Buffer.byteLength(padded)).toBe(MAX_BODY_BYTES);
    const res = await submit(padded);
    expect(res.status).toBe(200);
  });
});

describe("submitReturn refuses, storing nothing", () => {
  it("413 a body one byte over the limit", async () => {
    const json = JSON.stringify({
      return: sampleReturn(),
      idempotencyKey: "rennes-too-big",
      attestation: ATTESTATION,
    });
    const padded = `${json.slice(0, -1)}${" ".repeat(MAX_BODY_BYTES + 1 - Buffer.byteLength(json))}}`;
    const body = await refused(413, () => submit(padded));
    expect(body.error).toContain("taille maximale");
  });

  it("400 a body that is not JSON, or JSON with NaN", async () => {
    expect((await refused(400, () => submit("{ not json"))).error).toContain("JSON");
    await refused(400, () =>
      submit('{"return": {"finance": {"revenueTotal": NaN}}, "idempotencyKey": "abcdefgh"}'),
    );
    await refused(400, () => submit(""));
  });

  it("400 a JSON body that is not an object, naming what it is", async () => {
    for (const [text, what] of [
      ["null", "null"],
      ["[]", "une liste"],
      ['"retour"', "un texte"],
      ["2018", "un nombre"],
      ["true", "true"],
    ]) {
      const body = await refused(400, () => submit(text));
      expect(body.error, text).toBe(
        `La requête n'a pas la forme attendue. la requête : doit être un objet, pas ${what}.`,
      );
    }
  });

  it("400 a number too large to be finite", async () => {
    const text = JSON.stringify({
      return: sampleReturn(),
      idempotencyKey: "rennes-infinite",
    }).replace('"revenueTotal":329255.11', '"revenueTotal":1e400');
    expect(text).toContain("1e400");
    expect((await refused(400, () => submit(text))).error).toContain("revenueTotal");
  });

  it("400 prototype-pollution keys and deep nesting", async () => {
    const polluted = `{"return": {"__proto__": {"admin": true}}, "idempotencyKey": "abcdefgh"}`;
    expect((await refused(400, () => submit(polluted))).error).toContain("__proto__");
    const deep = `{"return": ${"[".repeat(5000)}${"]".repeat(5000)}, "idempotencyKey": "abcdefgh"}`;
    expect((await refused(400, () => submit(deep))).error).toContain("imbriqué");
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("400 a number sent as text, naming the field", async () => {
    const ret = sampleReturn() as unknown as { finance: Record<string, unknown> };
    ret.finance.revenueTotal = "329255.11";
    const body = await refused(400, () =>
      submit({ return: ret, idempotencyKey: "rennes-string", attestation: ATTESTATION }),
    );
    expect(body.error).toContain("« Total des produits » (finance.revenueTotal)");
    expect(body.error).toContain("pas un texte");
  });

  it("400 an unknown field rather than dropping its value", async () => {
    const ret = sampleReturn() as unknown as { finance: Record<string, unknown> };
    ret.finance.revenuTotal = 12;
    const body = await refused(400, () =>
      submit({ return: ret, idempotencyKey: "rennes-typo", attestation: ATTESTATION }),
    );
    expect(body.error).toContain("« revenuTotal »");
  });

  it("400 a missing or too short idempotency key", async () => {
    await refused(400, () => submit({ return: sampleReturn() }));
    const body = await refused(400, () =>
      submit({ return: sampleReturn(), idempotencyKey: "short", attestation: ATTESTATION }),
    );
    expect(body.error).toContain("idempotencyKey");
  });

  it("403 a return for another structure", async () => {
    const body = await refused(
      403,
      () =>
        submit({
          return: sampleReturn("PIMMS-NIMES"),
          idempotencyKey: "rennes-as-nimes",
          attestation: ATTESTATION,
        }),
      "PIMMS-NIMES",
    );
    expect(body.error).toContain(directorOf("PIMMS-RENNES"));
  });

  it("403 a structure missing from the directory, even for a Union admin", async () => {
    const admin = await stack.token(ADMIN);
    const body = await refused(
      403,
      () =>
        submit(
          {
            return: sampleReturn("PIMMS-INCONNU"),
            idempotencyKey: "unknown-code",
            attestation: ATTESTATION,
          },
          admin,
        ),
      "PIMMS-INCONNU",
    );
    expect(body.error).toContain("annuaire");
  });

  it("409 a campaign that was never opened", async () => {
    const body = await refused(409, () =>
      submit({
        return: sampleReturn("PIMMS-RENNES", 2019),
        idempotencyKey: "rennes-2019",
        attestation: ATTESTATION,
      }),
    );
    expect(body.error).toContain("2019");
  });

  it("409 a closed campaign", async () => {
    await openCampaign(stack.db, 2016, {}, ADMIN, new Date());
    await closeCampaign(stack.db, 2016, ADMIN, new Date());
    const body = await refused(409, () =>
      submit({
        return: sampleReturn("PIMMS-RENNES", 2016),
        idempotencyKey: "rennes-2016",
        attestation: ATTESTATION,
      }),
    );
    expect(body.error).toContain("close");
  });

  it("409 a campaign whose deadline has passed", async () => {
    await openCampaign(stack.db, 2015, { deadline: "2016-06-30" }, ADMIN, new Date());
    const body = await refused(409, () =>
      submit({
        return: sampleReturn("PIMMS-RENNES", 2015),
        idempotencyKey: "rennes-2015",
        attestation: ATTESTATION,
      }),
    );
    expect(body.error).toContain("30/06/2016");
  });

  it("422 a return with error findings, pointing at the prepared-tab cells", async () => {
    const ret = sampleReturn();
    ret.finance.chargesTotal = 0;
    ret.governance.caOrientation.president = true;
    const body = await refused(422, () =>
      submit({ return: ret, idempotencyKey: "rennes-errors", attestation: ATTESTATION }),
    );
    expect(body.error).toMatch(/contient \d+ erreurs à corriger/);
    expect(body.findings).toContainEqual({
      severity: "error",
      field: "finance.chargesTotal",
      cell: plannedCell("finance.chargesTotal"),
      message: expect.stringContaining("Total des charges"),
    });
    expect(body.findings).toContainEqual(
      expect.objectContaining({ field: "governance.caOrientation.president", severity: "error" }),
    );
  });

  it("422 a return without a structure code, before any other check", async () => {
    const ret = sampleReturn();
    ret.identification.structureCode = null;
    const body = await refused(422, () =>
      submit({ return: ret, idempotencyKey: "no-code-at-all", attestation: ATTESTATION }),
    );
    expect(body.findings).toContainEqual(
      expect.objectContaining({ field: "identification.structureCode" }),
    );
  });

  it("409 an idempotency key already used for other content", async () => {
    const other = sampleReturn();
    other.social.staffTotal = 99;
    const body = await refused(409, () =>
      submit({ return: other, idempotencyKey: "rennes-2018-dup", attestation: ATTESTATION }),
    );
    expect(body.error).toContain("nouvelle clé");
  });

  it("405 another method than POST", async () => {
    const res = await stack.call("submitReturn", { token: rennes });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect((await res.json()).error).toContain("POST");
  });
});

describe("the year-on-year review", () => {
  it("warns about every amount or count that moved by more than 50 % since the stored previous exercice", async () => {
    await openCampaign(stack.db, 2017, {}, ADMIN, new Date());
    const cenon = await stack.token(directorOf("PIMMS-CENON"));
    const before = sampleReturn("PIMMS-CENON", 2017);
    before.social.staffTotal = 10;
    expect(
      (
        await submit(
          { return: before, idempotencyKey: "cenon-2017", attestation: ATTESTATION },
          cenon,
        )
      ).status,
    ).toBe(200);

    const { chargesTotal, revenueTotal } = before.finance;
    const people = before.activity.visitors;
    if (
      typeof chargesTotal !== "number" ||
      typeof revenueTotal !== "number" ||
      typeof people !== "number"
    )
      throw new Error("the sample return has no totals to move");
    const now = sampleReturn("PIMMS-CENON", 2018);
    now.finance.chargesTotal = Math.round(chargesTotal * 1.6 * 100) / 100;
    now.finance.revenueTotal = Math.round(revenueTotal * 1.6 * 100) / 100;
    now.finance.netResult = now.finance.revenueTotal - now.finance.chargesTotal;
    now.activity.visitors = Math.round(people * 0.4);
    now.social.staffTotal = 15; // exactly +50 %: no warning
    const res = await submit(
      { return: now, idempotencyKey: "cenon-2018-moved", attestation: ATTESTATION },
      cenon,
    );
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    const moved = body.findings
      .filter((f: { message: string }) => f.message.includes("vérifiez ce chiffre"))
      .map((f: { field: string }) => f.field);
    expect(moved.sort()).toEqual(
      [
        "activity.visitors",
        "finance.chargesTotal",
        "finance.netResult",
        "finance.revenueTotal",
      ].sort(),
    );
    const visitors = body.findings.find((f: { field: string }) => f.field === "activity.visitors");
    expect(visitors).toEqual({
      severity: "warning",
      field: "activity.visitors",
      cell: plannedCell("activity.visitors"),
      message: `« Personnes accueillies » passe de 10\u202f671 en 2017 à 4\u202f268 en 2018 (-60,0\u00a0%) : vérifiez ce chiffre.`,
    });
  });

  it("gives no such warning without a stored previous exercice", async () => {
    const nimes = await stack.token(directorOf("PIMMS-NIMES"));
    const ret = sampleReturn("PIMMS-NIMES");
    ret.activity.visitors = 1;
    const body = await (
      await submit({ return: ret, idempotencyKey: "nimes-2018", attestation: ATTESTATION }, nimes)
    ).json();
    expect(
      body.findings.some((f: { message: string }) => f.message.includes("vérifiez ce chiffre")),
    ).toBe(false);
  });
});
