// What a client sends to each HTTP function: a JSON body (POST) or a query (GET). Bodies the server checks with zod
// are typed from its schemas' input, so a request that type-checks is one the schema accepts.
import type { z } from "zod";
import type { Attestation } from "../dialogue/index.ts";
import type { PimmsReturn } from "../schema/index.ts";
import type {
  CAMPAIGN_REQUEST,
  PEERS_REQUEST,
  PROGRESS_REQUEST,
  PROGRESS_STEPS,
  REVIEW_REQUEST,
} from "./request-schemas.ts";

/** submitReturn's body (SUBMISSION_SCHEMA checks its shape, the server then the attestation and explanations). */
export interface SubmitRequest {
  return: PimmsReturn;
  /** 8 to 128 visible characters; the add-on's is sendKey's. */
  idempotencyKey: string;
  /** Field path → the director's explanation of the warning that field carries. */
  explanations?: Record<string, string>;
  attestation: Attestation;
}

/** The query of previousReturn and campaignInfo: one structure, one exercice. */
export interface StructureQuery {
  structureCode: string;
  year: number;
}

/** campaignExport's query: the returns (default) or the status board, as JSON (default) or CSV. */
export interface CampaignExportQuery {
  year: number;
  format?: "json" | "csv";
  view?: "returns" | "status";
}

/** manageCampaign's GET query. */
export interface CampaignQuery {
  year: number;
}

export type CampaignRequest = z.input<typeof CAMPAIGN_REQUEST>;
export type ReviewRequest = z.input<typeof REVIEW_REQUEST>;
export type ProgressRequest = z.input<typeof PROGRESS_REQUEST>;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];
export type PeersRequest = z.input<typeof PEERS_REQUEST>;
