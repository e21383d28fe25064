// The HTTP functions of the Baromètre: their names (each served at /<name>), methods, requests and answers.
import type {
  CampaignExport,
  CampaignInfo,
  ChoosePeersAnswer,
  HealthzAnswer,
  ManageCampaignAnswer,
  PreviousReturnAnswer,
  ReportProgressAnswer,
  ReviewReturnAnswer,
  StatusBoard,
  SubmitReturnAnswer,
} from "./answers.ts";
import type {
  CampaignExportQuery,
  CampaignQuery,
  CampaignRequest,
  PeersRequest,
  ProgressRequest,
  ReviewRequest,
  StructureQuery,
  SubmitRequest,
} from "./requests.ts";

/** Every function deployed, in the order they are listed. */
export const FUNCTION_NAMES = [
  "healthz",
  "submitReturn",
  "previousReturn",
  "campaignExport",
  "reviewReturn",
  "manageCampaign",
  "campaignInfo",
  "reportProgress",
  "choosePeers",
] as const;

export type FunctionName = (typeof FUNCTION_NAMES)[number];

/**
 * What each function takes and answers. `query` is a GET's, `body` a POST's; the answer is the 200 JSON body (a
 * refusal is an ApiRefusal; campaignExport with format=csv answers CSV text instead).
 */
export interface Endpoints {
  healthz: { query: Record<string, never>; answer: HealthzAnswer };
  submitReturn: { body: SubmitRequest; answer: SubmitReturnAnswer };
  previousReturn: { query: StructureQuery; answer: PreviousReturnAnswer };
  campaignExport: { query: CampaignExportQuery; answer: CampaignExport | StatusBoard };
  reviewReturn: { body: ReviewRequest; answer: ReviewReturnAnswer };
  manageCampaign: { query: CampaignQuery; body: CampaignRequest; answer: ManageCampaignAnswer };
  campaignInfo: { query: StructureQuery; answer: CampaignInfo };
  reportProgress: { body: ProgressRequest; answer: ReportProgressAnswer };
  choosePeers: { body: PeersRequest; answer: ChoosePeersAnswer };
}

/** The functions read with GET, and those written with POST (manageCampaign is both). */
export type GetFunction = {
  [N in FunctionName]: Endpoints[N] extends { query: object } ? N : never;
}[FunctionName];
export type PostFunction = {
  [N in FunctionName]: Endpoints[N] extends { body: object } ? N : never;
}[FunctionName];

export type ApiQuery<N extends GetFunction> = Extract<Endpoints[N], { query: object }>["query"];
export type ApiBody<N extends PostFunction> = Extract<Endpoints[N], { body: object }>["body"];
export type ApiAnswer<N extends FunctionName> = Endpoints[N]["answer"];

/** The path of a function, with a GET's query in the URL ("/campaignInfo?structureCode=…&year=2018"). */
export function functionPath(name: FunctionName, query: object = {}): string {
  const pairs = Object.entries(query).flatMap(([k, v]) =>
    v === undefined ? [] : [`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`],
  );
  return pairs.length > 0 ? `/${name}?${pairs.join("&")}` : `/${name}`;
}
