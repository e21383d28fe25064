// What the hostile-request test knows of each HTTP function: its methods, who may call it, a request it accepts,
// and where its body has a text and a number to abuse. A function missing here makes that test fail.
import type {
  CampaignRequest,
  FunctionName,
  PeersRequest,
  ProgressRequest,
  ReviewRequest,
  SubmitRequest,
} from "@barometre/shared";
import { ATTESTATION, sampleReturn } from "@barometre/testing/stack";

export type Caller = "public" | "director" | "admin";

export interface ValidRequest {
  method: string;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
}

export interface EndpointSpec {
  /** The methods it answers; every other one gets a 405. */
  methods: readonly string[];
  /** Who may call it: anyone, the structure's own director (or an admin), or Union admins only. */
  caller: Caller;
  /** A request it accepts from its caller; `n` makes idempotency keys unique. */
  valid(code: string, n: number): ValidRequest;
  /** In a POST body: a text field and a number field (paths), to fill with 1 MB or turn into text. */
  textField?: readonly string[];
  numberField?: readonly string[];
  /** Its required query parameters, for GET abuse. */
  query?: readonly string[];
}

export const YEAR = 2018;

/** The structure whose one revision reviewReturn's valid request reviews: only its latest revision may be. */
export const REVIEWED_CODE = "PIMMS-NIMES";

export const ENDPOINTS: Record<string, EndpointSpec> = {
  healthz: { methods: ["GET"], caller: "public", valid: () => ({ method: "GET" }) },
  submitReturn: {
    methods: ["POST"],
    caller: "director",
    valid: (code, n) => ({
      method: "POST",
      body: {
        return: sampleReturn(code, YEAR),
        idempotencyKey: `hostile-control-${n}`,
        attestation: ATTESTATION,
      } satisfies SubmitRequest,
    }),
    textField: ["return", "identification", "structureName"],
    numberField: ["return", "finance", "revenueTotal"],
  },
  previousReturn: {
    methods: ["GET"],
    caller: "director",
    valid: (code) => ({ method: "GET", query: { structureCode: code, year: String(YEAR) } }),
    query: ["structureCode", "year"],
  },
  campaignInfo: {
    methods: ["GET"],
    caller: "director",
    valid: (code) => ({ method: "GET", query: { structureCode: code, year: String(YEAR) } }),
    query: ["structureCode", "year"],
  },
  reportProgress: {
    methods: ["POST"],
    caller: "director",
    valid: (code) => ({
      method: "POST",
      body: { structureCode: code, year: YEAR, step: "prepared" } satisfies ProgressRequest,
    }),
    textField: ["step"],
    numberField: ["year"],
  },
  choosePeers: {
    methods: ["POST"],
    caller: "director",
    valid: (code) => ({
      method: "POST",
      body: {
        structureCode: code,
        year: YEAR,
        peers: { territory: "Rural" },
      } satisfies PeersRequest,
    }),
    textField: ["peers", "territory"],
    numberField: ["year"],
  },
  campaignExport: {
    methods: ["GET"],
    caller: "admin",
    valid: () => ({ method: "GET", query: { year: String(YEAR), format: "json" } }),
    query: ["year"],
  },
  reviewReturn: {
    methods: ["POST"],
    caller: "admin",
    valid: () => ({
      method: "POST",
      body: {
        structureCode: REVIEWED_CODE,
        year: YEAR,
        revision: 1,
        state: "hasIssues",
        comment: "À revoir.",
      } satisfies ReviewRequest,
    }),
    textField: ["comment"],
    numberField: ["revision"],
  },
  manageCampaign: {
    methods: ["GET", "POST"],
    caller: "admin",
    valid: () => ({
      method: "POST",
      body: { action: "configure", year: YEAR, minGroupSize: 5 } satisfies CampaignRequest,
    }),
    textField: ["action"],
    numberField: ["minGroupSize"],
    query: ["year"],
  },
} satisfies Record<FunctionName, EndpointSpec>;

/** A copy of the body with the value at `path` replaced. */
export function withValue(
  body: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(body);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1) as string] = value;
  return copy;
}
