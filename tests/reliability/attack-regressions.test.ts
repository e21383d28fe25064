// The attacks of the independent security pass (issue 19) that did not hold, each replayed over HTTP on the local
// stack: every one is now refused in French with a 4xx, changes nothing stored, and gives no one another's rights.

import { connect } from "node:net";
import {
  addAdmin,
  CLOCK_SKEW_SECONDS,
  MAX_ERROR_CHARS,
  openCampaign,
  saveStructure,
} from "@barometre/functions/admin";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  sampleReturn,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "@barometre/testing/stack";
import { changedPaths, storedDocuments } from "@barometre/testing/stored-documents";
import { OAuth2Client } from "google-auth-library";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS, type EndpointSpec } from "./support/endpoints.ts";
import { expectFrenchSentence } from "./support/french.ts";

const CODE = "PIMMS-RENNES";
const KELVIN_CODE = "PIMMS-KELVIN";
const YEAR = 2018;
/** A director whose address a look-alike could reach through Unicode case folding. */
const KELVIN = "kelvin@pimms.example";
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
  await seedDirectory(stack.db, [CODE]);
  const now = new Date();
  await saveStructure(
    stack.db,
    { code: KELVIN_CODE, name: "PIMMS Kelvin", territory: "Rural", emails: [KELVIN] },
    now,
  );
  await addAdmin(stack.db, "kadmin@pimms.example", "test", now);
  await openCampaign(stack.db, YEAR, {}, ADMIN, now);
  const first = await stack.call("submitReturn", {
    token: await stack.token(directorOf(CODE)),
    body: {
      return: sampleReturn(CODE, YEAR),
      idempotencyKey: "attack-first",
      attestation: ATTESTATION,
    },
  });
  expect(first.status).toBe(200);
  await stack.server.queues.idle();
});
afterAll(() => stack.close());

const query = (code: string) => new URLSearchParams({ structureCode: code, year: String(YEAR) });

interface Attempt {
  method: string;
  query?: string;
  body?: unknown;
}

/** Every function that checks a token, with the request it accepts from its caller (hostile-requests' list). */
const AUTHENTICATED = Object.keys(ENDPOINTS).filter((n) => ENDPOINTS[n]?.caller !== "public");
const DIRECTORS = AUTHENTICATED.filter((n) => ENDPOINTS[n]?.caller === "director");
let attempts = 0;

function validRequest(name: string, code: string): Attempt {
  const r = (ENDPOINTS[name] as EndpointSpec).valid(code, ++attempts);
  return {
    method: r.method,
    query: r.query ? new URLSearchParams(r.query).toString() : undefined,
    body: r.body,
  };
}

async function send(name: string, token: string, request: Attempt) {
  const res = await fetch(`${stack.url}/${name}${request.query ? `?${request.query}` : ""}`, {
    method: request.method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(request.body ? { "content-type": "application/json" } : {}),
    },
    body: request.body ? JSON.stringify(request.body) : undefined,
  });
  return { status: res.status, text: await res.text() };
}

/** The request is refused with `status` and one French sentence, and nothing stored changes. */
async function expectRefused(name: string, token: string, code: string, status: number) {
  const before = storedDocuments(stack.emulator);
  const res = await send(name, token, validRequest(name, code));
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  const body = JSON.parse(res.text) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual(["error"]);
  expectFrenchSentence(body.error, { jsonNull: true });
  expect(changedPaths(before, storedDocuments(stack.emulator))).toEqual([]);
  return body.error as string;
}

describe("an address with a slash (was a 500: the admin check used it as a document path)", () => {
  it.each(AUTHENTICATED)("is refused on %s with a French 403", async (name) => {
    const error = await expectRefused(name, await stack.token("evil/x@pimms.example"), CODE, 403);
    expect(error).toContain("ne peut pas être autorisée");
    expect(stack.logged).toEqual([]);
  });
});

describe("a look-alike address (was granted the rights of the address Unicode case folding gives)", () => {
  it.each(AUTHENTICATED)("\\u212Aelvin is not kelvin, nor kadmin an admin, on %s", async (name) => {
    for (const lookAlike of ["\u212Aelvin@pimms.example", "\u212Aadmin@pimms.example"])
      await expectRefused(name, await stack.token(lookAlike), KELVIN_CODE, 403);
  });

  it("while kelvin itself, in any ASCII case, keeps its rights (the control case)", async () => {
    const res = await send("previousReturn", await stack.token("KELVIN@Pimms.Example"), {
      method: "GET",
      query: query(KELVIN_CODE).toString(),
    });
    expect(res.status, res.text).toBe(404);
    expect(JSON.parse(res.text).error).toContain("Aucun retour");
  });
});

describe("a token not valid yet (its nbf was not checked)", () => {
  const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

  it.each(AUTHENTICATED)("is refused on %s with a 401", async (name) => {
    const token = await stack.token(ADMIN, { claims: { nbf: inSeconds(3600) } });
    expect(await expectRefused(name, token, CODE, 401)).toContain("pas encore valide");
  });

  it("with an nbf that is not a number is refused too", async () => {
    const token = await stack.token(ADMIN, { claims: { nbf: "demain" } });
    expect(await expectRefused("campaignInfo", token, CODE, 401)).toContain("pas encore valide");
  });

  it("is allowed the clock skew google-auth-library allows on iat and exp", () => {
    const library = OAuth2Client as unknown as { CLOCK_SKEW_SECS_: number };
    expect(CLOCK_SKEW_SECONDS).toBe(library.CLOCK_SKEW_SECS_);
  });

  it("is accepted within the clock skew google-auth-library allows on iat and exp", async () => {
    const token = await stack.token(ADMIN, { claims: { nbf: inSeconds(240) } });
    const res = await send("campaignInfo", token, { method: "GET", query: query(CODE).toString() });
    expect(res.status, res.text).toBe(200);
  });
});

describe("a director's 403", () => {
  it("reads the same for a registered structure and an unknown code", async () => {
    const token = await stack.token(directorOf(CODE));
    for (const name of DIRECTORS) {
      const registered = await expectRefused(name, token, KELVIN_CODE, 403);
      const unknown = await expectRefused(name, token, "PIMMS-INCONNUE", 403);
      expect(unknown).toBe(registered.replace(KELVIN_CODE, "PIMMS-INCONNUE"));
    }
  });
});

describe("an answer that grew with the request", () => {
  /** An error answer's size whatever the request: the capped sentence and its JSON. */
  const SMALL = MAX_ERROR_CHARS * 2 + 100;
  const many = (n: number, prefix = "inconnu") =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 1]));

  it.each([
    ["60,000 unknown keys at the top (was an 829 KB 400)", () => ({ ...many(60_000) })],
    [
      "60,000 unknown keys inside a section",
      () => ({
        return: { ...sampleReturn(CODE, YEAR), identification: many(60_000) },
        idempotencyKey: "attack-many-keys",
      }),
    ],
    ["one unknown key of 500 KB, among 5 others", () => ({ ["k".repeat(500_000)]: 1, ...many(5) })],
    ["60,000 wrong values", () => ({ return: many(60_000, "section"), idempotencyKey: "x" })],
  ])("%s gets a small French 400 naming a few and counting the rest", async (_, body) => {
    const token = await stack.token(directorOf(CODE));
    const text = JSON.stringify(body());
    expect(text.length).toBeGreaterThan(490_000);
    const before = storedDocuments(stack.emulator);
    const res = await fetch(`${stack.url}/submitReturn`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: text,
    });
    const answer = await res.text();
    expect(res.status, answer.slice(0, 300)).toBe(400);
    expect(answer.length, answer.slice(0, 300)).toBeLessThan(SMALL);
    const { error } = JSON.parse(answer) as { error: string };
    expectFrenchSentence(error, { jsonNull: true });
    expect(error).toMatch(/et \d[\d\s]* autres/u);
    expect(changedPaths(before, storedDocuments(stack.emulator))).toEqual([]);
  });

  it("an Authorization header of 100 KB gets a French 431, and the server still answers", async () => {
    const res = await fetch(`${stack.url}/campaignInfo?${query(CODE)}`, {
      headers: { authorization: `Bearer ${"a".repeat(100_000)}` },
    });
    expect(res.status).toBe(431);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["error"]);
    expectFrenchSentence(body.error);
    const after = await send("campaignInfo", await stack.token(directorOf(CODE)), {
      method: "GET",
      query: query(CODE).toString(),
    });
    expect(after.status).toBe(200);
  });

  it("a request Node cannot parse gets a French 400", async () => {
    const { port } = new URL(stack.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () =>
        socket.write("GET /campaignInfo HTTP/1.1\r\nHost: x\r\nsans deux-points\r\n\r\n"),
      );
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk;
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    const { error } = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4)) as { error: string };
    expectFrenchSentence(error);
  });
});

describe("a structure code with a Unicode letter that upper-cases to ASCII (dotless ı → I, long ſ → S)", () => {
  const LOOK_ALIKES = ["pımms-rennes", "PIMMſ-RENNES"];

  it.each(LOOK_ALIKES)("%s is not a code in a query (400)", async (code) => {
    const before = storedDocuments(stack.emulator);
    const res = await send("previousReturn", await stack.token(directorOf(CODE)), {
      method: "GET",
      query: query(code).toString(),
    });
    expect(res.status, res.text).toBe(400);
    expect(JSON.parse(res.text).error).toContain("n'est pas un code valide");
    expect(changedPaths(before, storedDocuments(stack.emulator))).toEqual([]);
  });

  it.each(LOOK_ALIKES)("%s is not a code in a return (422, nothing stored)", async (code) => {
    const ret = sampleReturn(CODE, YEAR);
    ret.identification.structureCode = code;
    const before = storedDocuments(stack.emulator);
    const res = await send("submitReturn", await stack.token(directorOf(CODE)), {
      method: "POST",
      body: {
        return: ret,
        idempotencyKey: `attack-code-${code.length}-${code.charCodeAt(1)}`,
        attestation: ATTESTATION,
      },
    });
    expect(res.status, res.text.slice(0, 300)).toBe(422);
    expect(JSON.parse(res.text).findings).toContainEqual(
      expect.objectContaining({ field: "identification.structureCode", severity: "error" }),
    );
    expect(changedPaths(before, storedDocuments(stack.emulator))).toEqual([]);
  });
});
