// Google ID tokens: every bad token is refused with a 401 (another structure's email with a 403) and nothing is stored.

import {
  callFunction,
  createDevAuth,
  startFunctionsServer,
  trustedDevAuth,
} from "@barometre/stack";
import {
  ADMIN,
  ATTESTATION,
  AUDIENCE,
  directorOf,
  type Reply,
  sampleReturn,
  seedDirectory,
  startTestStack,
  storedCount,
  type TestStack,
} from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openCampaign } from "../src/storage/campaigns.ts";

let stack: TestStack;
const CODE = "PIMMS-ANTONY";
const email = directorOf(CODE);
const hourAgo = () => new Date(Date.now() - 3_600_000);

/** Everything written to the console while the tests run, to prove no token leaks into logs. */
const printed: string[] = [];
const sent: string[] = [];

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, method).mockImplementation((...args) => {
      printed.push(args.map(String).join(" "));
    });
  stack = await startTestStack();
  await seedDirectory(stack.db, [CODE, "PIMMS-NIMES"]);
  await openCampaign(stack.db, 2018, {}, ADMIN, new Date());
});
afterAll(async () => {
  await stack.close();
  vi.restoreAllMocks();
});

async function send(authorization: string | undefined, key: string) {
  if (authorization) sent.push(authorization.replace(/^\w+ /, ""));
  const res = await fetch(`${stack.url}/submitReturn`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({
      return: sampleReturn(CODE),
      idempotencyKey: key,
      attestation: ATTESTATION,
    }),
  });
  return {
    status: res.status,
    challenge: res.headers.get("www-authenticate"),
    body: (await res.json()) as Reply,
  };
}

const CASES: [string, () => Promise<string | undefined>, RegExp][] = [
  ["missing", async () => undefined, /aucun jeton/],
  ["not a bearer token", async () => `Basic ${btoa("a:b")}`, /Bearer/],
  ["malformed", async () => "Bearer not-a-jwt", /n'est pas valide/],
  [
    "forged (signed by another key)",
    async () =>
      `Bearer ${await (await createDevAuth()).signIdToken(email, { audience: AUDIENCE })}`,
    /n'est pas valide/,
  ],
  [
    "tampered (payload changed after signing)",
    async () => {
      const [h, , s] = (await stack.token(email)).split(".");
      const payload = Buffer.from(
        JSON.stringify({ email: ADMIN, email_verified: true, aud: AUDIENCE }),
      ).toString("base64url");
      return `Bearer ${h}.${payload}.${s}`;
    },
    /n'est pas valide/,
  ],
  [
    "expired",
    async () =>
      `Bearer ${await stack.token(email, { issuedAt: new Date(Date.now() - 7_200_000), expiresAt: hourAgo() })}`,
    /expiré/,
  ],
  [
    "for another audience",
    async () =>
      `Bearer ${await stack.token(email, { audience: "someone-else.apps.googleusercontent.com" })}`,
    /destiné/,
  ],
  [
    "from another issuer",
    async () => `Bearer ${await stack.token(email, { issuer: "https://evil.example" })}`,
    /émis par Google/,
  ],
  [
    "with an unverified email",
    async () => `Bearer ${await stack.token(email, { emailVerified: false })}`,
    /pas vérifiée/,
  ],
];

describe("a token that is", () => {
  it.each(CASES)("%s is refused with 401 and stores nothing", async (_name, authorization, why) => {
    const before = await storedCount(stack.db, 2018, CODE);
    const { status, body, challenge } = await send(
      await authorization(),
      `key-${_name.replace(/\W/g, "")}`,
    );
    expect(status, JSON.stringify(body)).toBe(401);
    expect(body.error).toMatch(why);
    expect(challenge).toMatch(/^Bearer/);
    expect(await storedCount(stack.db, 2018, CODE)).toBe(before);
  });

  it("valid but of another structure's director is refused with 403 and stores nothing", async () => {
    const before = await storedCount(stack.db, 2018, CODE);
    const token = await stack.token(directorOf("PIMMS-NIMES"));
    const { status, body } = await send(`Bearer ${token}`, "key-other-director");
    expect(status).toBe(403);
    expect(body.error).toContain("n'est pas autorisée");
    expect(await storedCount(stack.db, 2018, CODE)).toBe(before);
  });

  it("valid, of the structure's director, is accepted (the control case)", async () => {
    const { status } = await send(`Bearer ${await stack.token(email)}`, "key-control");
    expect(status).toBe(200);
    expect(await storedCount(stack.db, 2018, CODE)).toBe(3);
  });

  it("valid, with the email in other letter case, is matched case-insensitively", async () => {
    const { status } = await send(`Bearer ${await stack.token(email.toUpperCase())}`, "key-upper");
    expect(status).toBe(200);
  });

  it("is never written to the logs", () => {
    expect(sent.length).toBeGreaterThan(8);
    expect(stack.logged).toEqual([]);
    for (const token of sent) expect(printed.join("\n")).not.toContain(token);
  });
});

describe("the local stack's token endpoint", () => {
  it("hands out ID tokens its functions accept, and refuses a missing address", async () => {
    const res = await fetch(`${stack.url}/dev/token?email=${encodeURIComponent(email)}`);
    const { token } = (await res.json()) as { token: string };
    const { status } = await send(`Bearer ${token}`, "key-dev-token");
    expect(status).toBe(200);
    expect((await fetch(`${stack.url}/dev/token`)).status).toBe(400);
  });
});

describe("an address the local stack does not serve", () => {
  it("gets the API's French JSON 404 naming the functions, not express's English page", async () => {
    for (const [path, method] of [
      ["/nope", "GET"],
      ["/submitReturn/extra", "POST"],
      [`/${"x".repeat(5000)}`, "GET"],
    ] as const) {
      const res = await fetch(`${stack.url}${path}`, { method });
      expect(res.status, path.slice(0, 20)).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const { error } = (await res.json()) as { error: string };
      expect(error).toMatch(
        /^Aucune fonction du Baromètre à l'adresse « \/.{1,59} »\. Fonctions : /,
      );
      expect(error).toContain("submitReturn, ");
      expect(error).not.toContain("Cannot");
    }
  });
});

describe("a functions server that knows only the issuer's certificates (the bench's new instances)", () => {
  it("accepts the issuer's tokens, refuses another key's, and signs none", async () => {
    const server = await startFunctionsServer({
      db: stack.db,
      audiences: [AUDIENCE],
      devAuth: trustedDevAuth(stack.auth),
      logError: (message) => stack.logged.push(message),
    });
    const nimes = directorOf("PIMMS-NIMES");
    const submit = (token: string, key: string) =>
      callFunction(server.url, "submitReturn", {
        token,
        body: {
          return: sampleReturn("PIMMS-NIMES"),
          idempotencyKey: key,
          attestation: ATTESTATION,
        },
      });
    const before = await storedCount(stack.db, 2018, "PIMMS-NIMES");
    try {
      expect((await submit(await stack.token(nimes), "trusted-1")).status).toBe(200);
      const forged = await (await createDevAuth()).signIdToken(nimes, { audience: AUDIENCE });
      expect((await submit(forged, "trusted-2")).status).toBe(401);
      // The accepted one only: its revision, its idempotency record and the latest copy.
      expect(await storedCount(stack.db, 2018, "PIMMS-NIMES")).toBe(before + 3);
      const unsigned = await fetch(`${server.url}/dev/token?email=${nimes}`);
      expect(unsigned.status).toBe(500);
      // Express's own page would be English HTML with the stack trace.
      expect(await unsigned.json()).toEqual({
        error: "Erreur inattendue de la pile locale. Réessayez ; si elle persiste, relancez-la.",
      });
    } finally {
      await server.close();
    }
  });
});
