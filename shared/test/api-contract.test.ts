// The API contract: every request its types describe passes the schema the server checks it with, an unknown key
// is refused (named, never dropped) the same way the server refuses it, and the content hashes keep their values.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import {
  CAMPAIGN_REQUEST,
  type CampaignRequest,
  canonicalJson,
  coerceReturn,
  functionPath,
  generateNetwork,
  PEERS_REQUEST,
  type PeersRequest,
  PROGRESS_REQUEST,
  type ProgressRequest,
  REVIEW_REQUEST,
  type ReviewRequest,
  receivedContentHash,
  returnHash,
  STRUCTURE_QUERY,
  SUBMISSION_SCHEMA,
  type SubmitRequest,
  sendKey,
} from "../src/index.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const [structure, other] = generateNetwork({ size: 2, seed: 5 }).structures;
if (!structure || !other) throw new Error("demo network too small");
const attestation = { name: "Camille Martin", role: "direction" } as const;

const submit: SubmitRequest = {
  return: structure.current,
  idempotencyKey: "ret-0123456789abcdef",
  explanations: { "finance.chargesTotal": "Un déménagement cette année." },
  attestation,
};

/** One valid request of each type, with the schema the server checks it with. */
const VALID: [string, ZodType, object][] = [
  ["submitReturn", SUBMISSION_SCHEMA, submit],
  [
    "reviewReturn",
    REVIEW_REQUEST,
    {
      structureCode: structure.code,
      year: 2018,
      revision: 2,
      state: "hasIssues",
      comment: "Les charges semblent doublées.",
      fields: ["finance.chargesTotal"],
    } satisfies ReviewRequest,
  ],
  [
    "reportProgress",
    PROGRESS_REQUEST,
    { structureCode: structure.code, year: 2018, step: "prepared" } satisfies ProgressRequest,
  ],
  [
    "choosePeers (named)",
    PEERS_REQUEST,
    {
      structureCode: structure.code,
      year: 2018,
      peers: { codes: [other.code] },
    } satisfies PeersRequest,
  ],
  [
    "choosePeers (criteria)",
    PEERS_REQUEST,
    {
      structureCode: structure.code,
      year: 2018,
      peers: { territory: "Urbain QPV", fteBand: 1 },
    } satisfies PeersRequest,
  ],
  [
    "choosePeers (none)",
    PEERS_REQUEST,
    { structureCode: structure.code, year: 2018, peers: null } satisfies PeersRequest,
  ],
  [
    "manageCampaign (open)",
    CAMPAIGN_REQUEST,
    {
      action: "open",
      year: 2018,
      deadline: "2019-06-30",
      mode: "transparent",
      minGroupSize: 5,
      reminderOffsets: [1, -7],
      sizeBands: {
        fte: [
          { min: 0, max: 5 },
          { min: 5, max: null },
        ],
      },
    } satisfies CampaignRequest,
  ],
  [
    "manageCampaign (configure)",
    CAMPAIGN_REQUEST,
    { action: "configure", year: 2018, deadline: null } satisfies CampaignRequest,
  ],
  [
    "manageCampaign (close)",
    CAMPAIGN_REQUEST,
    { action: "close", year: 2018 } satisfies CampaignRequest,
  ],
];

describe("the request schemas", () => {
  it.each(VALID)("accept a %s request as its type describes it", (_, schema, request) => {
    const parsed = schema.safeParse(request);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it.each(VALID)("refuse an unknown key of a %s request, naming it", (_, schema, request) => {
    const parsed = schema.safeParse({ ...request, structurecode: "X" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toContainEqual(
      expect.objectContaining({ code: "unrecognized_keys", keys: ["structurecode"], path: [] }),
    );
  });

  it("refuse a mistyped key as the types do", () => {
    // @ts-expect-error: the request types name every key, so a typo does not compile either
    const typo: ProgressRequest = { structureCode: structure.code, year: 2018, stepp: "prepared" };
    expect(PROGRESS_REQUEST.safeParse(typo).success).toBe(false);
  });

  it("refuse an unknown field inside a return section where it stands, as « champ inconnu »", () => {
    const ret = { ...structure.current, finance: { ...structure.current.finance, chargesTotl: 1 } };
    const parsed = SUBMISSION_SCHEMA.safeParse({ ...submit, return: ret });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({
        code: "unrecognized_keys",
        keys: ["chargesTotl"],
        path: ["return", "finance"],
        message: "champ inconnu.",
      }),
    ]);
  });

  it("name what a return received instead of an object or a value: null, a list, a text, a number, true or false", () => {
    const said = (body: unknown) => SUBMISSION_SCHEMA.safeParse(body).error?.issues[0]?.message;
    const finance = (value: unknown) => ({
      ...submit,
      return: {
        ...structure.current,
        finance: { ...structure.current.finance, chargesTotal: value },
      },
    });
    const cases: [unknown, string][] = [
      [null, "null"],
      [[], "une liste"],
      ["retour", "un texte"],
      [2018, "un nombre"],
      [true, "true"],
      [false, "false"],
    ];
    for (const [value, what] of cases) {
      expect(said(value), JSON.stringify(value)).toBe(`doit être un objet, pas ${what}.`);
      expect(said({ ...submit, return: value })).toBe(`doit être un objet, pas ${what}.`);
    }
    for (const [value, what] of [...cases.slice(1, 3), ...cases.slice(4), [{}, "un objet"]])
      expect(said(finance(value)), JSON.stringify(value)).toBe(
        `doit être un nombre (un montant en euros) ou null, pas ${what}.`,
      );
  });

  it("read a structure code in capitals, and keep only the code of a structure query", () => {
    expect(STRUCTURE_QUERY.parse({ structureCode: ` ${structure.code.toLowerCase()} ` })).toEqual({
      structureCode: structure.code,
    });
    expect(
      PROGRESS_REQUEST.safeParse({ structureCode: "?", year: 2018, step: "prepared" }).success,
    ).toBe(false);
  });

  it("sort the reminder days of a campaign's settings", () => {
    const parsed = CAMPAIGN_REQUEST.parse({ action: "open", year: 2018, reminderOffsets: [1, -7] });
    expect(parsed).toMatchObject({ reminderOffsets: [-7, 1] });
  });
});

describe("the content hashes", () => {
  it("write canonical JSON with keys sorted at every level", () => {
    expect(canonicalJson({ b: [{ d: 1, c: null }], a: "é" })).toBe(
      '{"a":"é","b":[{"c":null,"d":1}]}',
    );
  });

  it("give the add-on's hash whatever the order of keys, and a key that follows the revision", () => {
    const content = { return: structure.current, explanations: {}, attestation };
    const reordered = { attestation, explanations: {}, return: structure.current };
    const hash = returnHash(content, sha256);
    expect(returnHash(reordered, sha256)).toBe(hash);
    expect(hash).toBe(sha256(canonicalJson(content)));
    expect(sendKey(hash, null, sha256)).toMatch(/^ret-[0-9a-f]{64}$/);
    expect(sendKey(hash, 1, sha256)).not.toBe(sendKey(hash, null, sha256));
  });

  it("keep the server's stored hash: the coerced return's JSON, then the sorted explanations and attestation", () => {
    const { ret } = coerceReturn(structure.current);
    const explanations = { "finance.chargesTotal": "b", "activity.visits": "a" };
    const stored = createHash("sha256")
      .update(JSON.stringify(ret))
      .update(
        JSON.stringify({
          explanations: [
            ["activity.visits", "a"],
            ["finance.chargesTotal", "b"],
          ],
          attestation,
        }),
      )
      .digest("hex");
    expect(receivedContentHash(ret, { explanations, attestation }, sha256)).toBe(stored);
    expect(receivedContentHash(ret, undefined, sha256)).toBe(sha256(JSON.stringify(ret)));
  });
});

describe("the function paths", () => {
  it("put a GET's query in the URL, encoded", () => {
    expect(functionPath("campaignInfo", { structureCode: "PIMMS-A B", year: 2018 })).toBe(
      "/campaignInfo?structureCode=PIMMS-A%20B&year=2018",
    );
    expect(functionPath("submitReturn")).toBe("/submitReturn");
  });
});
