// Hostile requests to every HTTP function the functions export: bad tokens, bad bodies, wrong methods, abused query
// strings. Each is refused with its status and a French { error }, changes no stored document (the emulator's whole
// memory is compared before and after), and no token ever reaches the logs or the console.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MAX_BODY_BYTES, MAX_ERROR_CHARS, openCampaign } from "@barometre/functions/admin";
import { FUNCTION_NAMES } from "@barometre/shared";
import { createDevAuth } from "@barometre/stack";
import {
  ADMIN,
  ATTESTATION,
  AUDIENCE,
  directorOf,
  sampleReturn,
  seedDirectory,
  startTestStack,
  type TestStack,
} from "@barometre/testing/stack";
import { changedPaths, storedDocuments } from "@barometre/testing/stored-documents";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ENDPOINTS,
  type EndpointSpec,
  REVIEWED_CODE,
  type ValidRequest,
  withValue,
  YEAR,
} from "./support/endpoints.ts";
import { expectFrenchSentence } from "./support/french.ts";

const CODE = "PIMMS-RENNES";
const OTHER = REVIEWED_CODE;
let stack: TestStack;
/** Every bearer token sent, and everything the handlers' logger and the console received. */
const sentTokens = new Set<string>();
const logged: string[] = [];
let controls = 0;

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const)
    vi.spyOn(console, method).mockImplementation((...args) => {
      logged.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" "));
    });
  stack = await startTestStack();
  const logger = stack.server.deps.logger;
  const log = logger.error.bind(logger);
  logger.error = (message, details) => {
    logged.push(`${message} ${JSON.stringify(details)}`);
    log(message, details);
  };
  await seedDirectory(stack.db, [CODE, OTHER]);
  await openCampaign(stack.db, YEAR, {}, ADMIN, new Date());
  // Stored revisions, so reading and reviewing them are requests the functions accept.
  for (const code of [CODE, OTHER]) {
    const first = await send("submitReturn", {
      method: "POST",
      token: await token(directorOf(code)),
      body: JSON.stringify({
        return: sampleReturn(code),
        idempotencyKey: "hostile-first",
        attestation: ATTESTATION,
      }),
    });
    expect(first.status, first.text).toBe(200);
  }
  await stack.server.queues.idle();
});
afterAll(async () => {
  await stack.close();
  vi.restoreAllMocks();
});

async function token(email: string, options = {}): Promise<string> {
  const signed = await stack.token(email, options);
  sentTokens.add(signed);
  return signed;
}

interface Attempt {
  method: string;
  query?: string;
  /** The bearer token, or a whole Authorization header value. */
  token?: string;
  authorization?: string;
  body?: string | Uint8Array<ArrayBuffer>;
}

async function send(name: string, a: Attempt) {
  const headers: Record<string, string> = {};
  if (a.token) headers.authorization = `Bearer ${a.token}`;
  if (a.authorization) headers.authorization = a.authorization;
  if (a.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${stack.url}/${name}${a.query ? `?${a.query}` : ""}`, {
    method: a.method,
    headers,
    body: a.body,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** Sends the attempt and checks the refusal: its status, a French { error } alone, and nothing stored. */
async function refused(name: string, a: Attempt, status: number) {
  const before = storedDocuments(stack.emulator);
  const res = await send(name, a);
  expect(res.status, res.text.slice(0, 300)).toBe(status);
  // No answer grows with the request: the longest sentence allowed, in its JSON.
  expect(res.text.length, res.text.slice(0, 300)).toBeLessThan(MAX_ERROR_CHARS * 2 + 100);
  if (a.method !== "HEAD") {
    const body = JSON.parse(res.text) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(["error"]);
    expectFrenchSentence(body.error, { jsonNull: true });
  }
  expect(changedPaths(before, storedDocuments(stack.emulator))).toEqual([]);
  return res;
}

const NAMES = FUNCTION_NAMES.filter((n) => ENDPOINTS[n]);
const spec = (name: string) => ENDPOINTS[name] as EndpointSpec;
const callerEmail = (s: EndpointSpec) => (s.caller === "admin" ? ADMIN : directorOf(CODE));
const queryOf = (r: ValidRequest) => new URLSearchParams(r.query ?? {}).toString();
const authenticated = NAMES.filter((n) => spec(n).caller !== "public");
const withBody = NAMES.filter((n) => spec(n).methods.includes("POST"));
const withQuery = NAMES.filter((n) => spec(n).query);

/** The function's accepted request, with the given token. */
const validAttempt = (name: string, bearer?: string): Attempt => {
  const r = spec(name).valid(CODE, ++controls);
  return {
    method: r.method,
    query: queryOf(r),
    token: bearer,
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  };
};

describe("the functions under test", () => {
  it("are every HTTP function index.ts deploys, each known to this test", () => {
    const source = readFileSync(join(import.meta.dirname, "../../functions/src/index.ts"), "utf8");
    const deployed = [...source.matchAll(/lazy\("(\w+)"/g)].map((m) => m[1]);
    expect([...deployed].sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const name of FUNCTION_NAMES)
      expect(ENDPOINTS[name], `hostile cases for ${name}`).toBeDefined();
  });
});

const TOKENS: [string, () => Promise<string>, RegExp][] = [
  ["missing", async () => "", /aucun jeton/],
  ["not a bearer token", async () => `Basic ${btoa("union:secret")}`, /Bearer/],
  ["malformed", async () => "Bearer pas.un.jeton", /n'est pas valide/],
  ["with spaces and quotes", async () => 'Bearer a b "c"', /Bearer/],
  [
    "forged with another key",
    async () => {
      const forged = await (await createDevAuth()).signIdToken(ADMIN, { audience: AUDIENCE });
      sentTokens.add(forged);
      return `Bearer ${forged}`;
    },
    /n'est pas valide/,
  ],
  [
    "tampered to claim the Union admin",
    async () => {
      const [header, , signature] = (await token(directorOf(CODE))).split(".");
      const claims = {
        email: ADMIN,
        email_verified: true,
        aud: AUDIENCE,
        iss: "https://accounts.google.com",
      };
      return `Bearer ${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
    },
    /n'est pas valide/,
  ],
  [
    "with alg none",
    async () => {
      const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
      const now = Math.floor(Date.now() / 1000);
      return `Bearer ${part({ alg: "none", typ: "JWT" })}.${part({ email: ADMIN, email_verified: true, aud: AUDIENCE, iss: "https://accounts.google.com", iat: now, exp: now + 600 })}.`;
    },
    /n'est pas valide/,
  ],
  [
    "expired",
    async () =>
      `Bearer ${await token(ADMIN, { issuedAt: new Date(Date.now() - 7_200_000), expiresAt: new Date(Date.now() - 3_600_000) })}`,
    /expiré/,
  ],
  [
    "for another audience",
    async () => `Bearer ${await token(ADMIN, { audience: "autre.apps.googleusercontent.com" })}`,
    /destiné/,
  ],
  [
    "from another issuer",
    async () => `Bearer ${await token(ADMIN, { issuer: "https://evil.example" })}`,
    /émis par Google/,
  ],
  [
    "with an unverified email",
    async () => `Bearer ${await token(ADMIN, { emailVerified: false })}`,
    /pas vérifiée/,
  ],
];

describe.each(authenticated)("%s refuses", (name) => {
  it.each(TOKENS)("a token %s with 401", async (_, authorization, why) => {
    const attempt = { ...validAttempt(name), authorization: (await authorization()) || undefined };
    const res = await refused(name, attempt, 401);
    expect(JSON.parse(res.text).error).toMatch(why);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("a valid token of someone without the right with 403", async () => {
    const intruder = spec(name).caller === "admin" ? directorOf(CODE) : directorOf(OTHER);
    await refused(name, validAttempt(name, await token(intruder)), 403);
  });
});

/** Bodies refused with 400 (413 for the oversized one), built from the function's accepted body. */
function hostileBodies(
  s: EndpointSpec,
): [string, (valid: Record<string, unknown>) => string | Uint8Array<ArrayBuffer>, number][] {
  const text = s.textField as readonly string[];
  const number = s.numberField as readonly string[];
  /** The body's JSON with the number field written as raw JSON text. */
  const rawNumber = (valid: Record<string, unknown>, raw: string) =>
    JSON.stringify(withValue(valid, number, "§NUMBER§")).replace('"§NUMBER§"', raw);
  const withKey = (key: string) => (valid: Record<string, unknown>) =>
    `{"${key}":{"admin":true},${JSON.stringify(valid).slice(1)}`;
  const nested = JSON.stringify(s.valid("PIMMS-X", 0).body).includes(":{");
  const deep: ReturnType<typeof hostileBodies> = nested
    ? [
        [
          "with a __proto__ key deep inside",
          (valid) => JSON.stringify(valid).replace(/:\{/, ':{"__proto__":{"admin":true},'),
          400,
        ],
      ]
    : [];
  return [
    ...deep,
    ["not JSON", () => "{ pas du json", 400],
    ["empty", () => "", 400],
    ["not UTF-8", () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 400],
    ["a JSON array", () => "[]", 400],
    ["JSON null", () => "null", 400],
    ["a bare JSON string", () => '"bonjour"', 400],
    [
      "over 1 Mio",
      (valid) => `{"pad":"${"x".repeat(MAX_BODY_BYTES)}",${JSON.stringify(valid).slice(1)}`,
      413,
    ],
    ["nested 5,000 levels deep", () => `{"a":${"[".repeat(5000)}${"]".repeat(5000)}}`, 400],
    ["with a __proto__ key", withKey("__proto__"), 400],
    ["with a constructor key", withKey("constructor"), 400],
    ["with a prototype key", withKey("prototype"), 400],
    [
      "with a text of 1 MB",
      (valid) => JSON.stringify(withValue(valid, text, "é".repeat(500_000))),
      400,
    ],
    ["with a number as text", (valid) => JSON.stringify(withValue(valid, number, "12")), 400],
    ["with NaN", (valid) => rawNumber(valid, "NaN"), 400],
    ["with Infinity", (valid) => rawNumber(valid, "Infinity"), 400],
    ["with 1e400", (valid) => rawNumber(valid, "1e400"), 400],
    ["with -1e400", (valid) => rawNumber(valid, "-1e400"), 400],
    ["with an unknown field", (valid) => JSON.stringify({ ...valid, admin: true }), 400],
  ];
}

describe.each(withBody)("%s refuses a body", (name) => {
  it.each(hostileBodies(spec(name)))("%s", async (_, make, status) => {
    const attempt = validAttempt(name, await token(callerEmail(spec(name))));
    const valid = JSON.parse(attempt.body as string) as Record<string, unknown>;
    await refused(name, { ...attempt, method: "POST", body: make(valid) }, status);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"];

describe.each(NAMES)("%s refuses", (name) => {
  const wrong = METHODS.filter((m) => !spec(name).methods.includes(m));
  it.each(wrong)("the method %s with 405, naming the methods it accepts", async (method) => {
    const attempt = validAttempt(name, await token(callerEmail(spec(name))));
    const body = ["GET", "HEAD"].includes(method) ? undefined : attempt.body;
    const res = await refused(name, { ...attempt, method, body }, 405);
    expect(res.headers.get("allow")).toBe(spec(name).methods.join(", "));
  });
});

/** Query strings refused with 400, built from the function's accepted query. */
function hostileQueries(s: EndpointSpec, valid: Record<string, string>): [string, string][] {
  const required = s.query as readonly string[];
  const set = (key: string, value: string) =>
    new URLSearchParams({ ...valid, [key]: value }).toString();
  const without = (key: string) =>
    new URLSearchParams(Object.entries(valid).filter(([k]) => k !== key)).toString();
  const cases: [string, string][] = required.flatMap((key): [string, string][] => [
    [`without ${key}`, without(key)],
    [`${key} given twice`, `${set(key, valid[key] as string)}&${key}=${valid[key]}`],
    [`${key} as an array`, `${without(key)}&${key}[]=${valid[key]}`],
    [`${key} as an object`, `${without(key)}&${key}[a]=${valid[key]}`],
    [`${key} empty`, set(key, "")],
    [`${key} of 8 KB`, set(key, "9".repeat(8_000))],
  ]);
  cases.push(
    ["a __proto__ parameter and no year", `__proto__[admin]=true&${without("year")}`],
    ...["2018abc", "2e3", " 2018", "0x7E2", "99999", "-2018", "２０１８", "2018.0"].map(
      (year): [string, string] => [`year ${JSON.stringify(year)}`, set("year", year)],
    ),
  );
  if (required.includes("structureCode"))
    cases.push(
      ...[
        "../../admins/union@pimms.example",
        "PIMMS-RENNES' OR '1'='1",
        "PIMMS RENNES",
        "<script>",
      ].map((code): [string, string] => [
        `structureCode ${JSON.stringify(code)}`,
        set("structureCode", code),
      ]),
    );
  if (s.caller === "admin" && valid.format)
    cases.push(
      ["format xml", set("format", "xml")],
      ["format twice", `${set("format", "csv")}&format=json`],
    );
  return cases;
}

describe.each(withQuery)("%s refuses the query", (name) => {
  const get = () => {
    const r = spec(name).valid(CODE, 0);
    return r.method === "GET" ? (r.query ?? {}) : { year: String(YEAR) };
  };
  it.each(hostileQueries(spec(name), get()))("%s with 400", async (_, query) => {
    await refused(name, { method: "GET", query, token: await token(callerEmail(spec(name))) }, 400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe("after all of that", () => {
  it.each(NAMES)("%s still accepts its valid request", async (name) => {
    const s = spec(name);
    const res = await send(
      name,
      validAttempt(name, s.caller === "public" ? undefined : await token(callerEmail(s))),
    );
    expect(res.status, res.text.slice(0, 300)).toBe(200);
  });

  it("logged no token, and no failure at all", () => {
    expect(sentTokens.size).toBeGreaterThan(10);
    const all = logged.join("\n");
    for (const t of sentTokens) expect(all).not.toContain(t);
    expect(all).not.toMatch(/Bearer|eyJ[\w-]{10,}/);
    expect(stack.logged).toEqual([]);
  });
});
