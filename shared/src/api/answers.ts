// What each HTTP function answers: its 200 body, and the `{ error }` of a refusal (in French).
import type { Attestation, FieldChange, ReviewState } from "../dialogue/index.ts";
import type { IndicatorKey, Indicators } from "../indicators/index.ts";
import type { LastNetwork, PeerChoice, PeersInfo, Positioning } from "../positioning/index.ts";
import type { PimmsReturn } from "../schema/index.ts";
import type { Finding } from "../validation/index.ts";
import type { CampaignOf } from "./campaign-record.ts";
import type { ProgressStep } from "./requests.ts";

/** Every refusal: a French sentence; a return refused for its content also lists the findings, cell by cell. */
export interface ApiRefusal {
  error: string;
  findings?: Finding[];
}

/** A stored value as the API sends it: timestamps (anything with toDate) become ISO 8601 strings. */
export type JsonOf<T> = T extends { toDate(): Date }
  ? string
  : T extends readonly (infer U)[]
    ? JsonOf<U>[]
    : T extends object
      ? { [K in keyof T]: JsonOf<T[K]> }
      : T;

/** The first 200 answer of submitReturn for an idempotency key, kept and given again for that key. */
export interface SubmitAnswer {
  status: "accepted";
  revision: number;
  indicators: Indicators;
  /** The revision against its campaign's population and peer group, with changes since N-1. */
  positioning: Positioning;
  /** Warnings for the sidebar: validation warnings and the year-on-year review. */
  findings: Finding[];
  /** What changed since the previous revision (null for the first), shown in the sidebar after a send. */
  changes: FieldChange[] | null;
}

/** submitReturn's 200: the answer, and whether the key had been answered already (nothing new stored). */
export type SubmitReturnAnswer = SubmitAnswer & { duplicate: boolean };

/** The Union's review of a revision; `pending` with nulls until it reviews it. */
export interface ReviewJson {
  state: ReviewState;
  comment: string | null;
  /** The fields the Union points at (field paths), empty when it names none. */
  fields: string[];
  reviewedBy: string | null;
  /** ISO 8601. */
  reviewedAt: string | null;
  /** How many reviews this revision has had: the number of the review shown (0 while pending). */
  sequence: number;
}

/** previousReturn's 200: the latest revision of a structure's return for an exercice. */
export interface PreviousReturnAnswer {
  return: PimmsReturn;
  revision: number;
  /** ISO 8601. */
  submittedAt: string;
  submittedBy: string;
  review: ReviewJson;
  /** Accepted by the Union: a new revision is refused until it reopens the return. */
  locked: boolean;
  explanations: Record<string, string>;
  attestation: Attestation | null;
  /** What changed since the previous revision; null for the first. */
  changes: FieldChange[] | null;
  /** The Union's request this revision answers (the previous revision's review), or null. */
  answers: (ReviewJson & { revision: number }) | null;
  /** Every review of the structure's revisions for the exercice, oldest first. */
  history: (Omit<ReviewJson, "sequence"> & { revision: number })[];
}

/** campaignInfo's 200: what a director's add-on shows of a campaign. */
export interface CampaignInfo {
  year: number;
  state: "open" | "closed";
  /** "YYYY-MM-DD", the last day (Paris time) returns are accepted, or null. */
  deadline: string | null;
  /** The server's day in Paris, which decides whether the deadline has passed. */
  today: string;
  /** Days from today to the deadline: 0 on its last day, negative once passed; null without a deadline. */
  daysLeft: number | null;
  /** Whether a return sent now would be accepted. */
  accepting: boolean;
  /**
   * The last closed campaign's network (quartiles, shared extreme levels), so a director sees where the values
   * being typed would stand; null when no campaign of the last five years is closed.
   */
  lastNetwork: LastNetwork | null;
  /** The structure's custom peer set in force, and what it may choose (see choosePeers). */
  peers: PeersInfo;
}

/** reviewReturn's 200: the review as stored. */
export interface ReviewReturnAnswer {
  structureCode: string;
  year: number;
  revision: number;
  review: ReviewJson;
  locked: boolean;
}

/** reportProgress's 200. */
export interface ReportProgressAnswer {
  structureCode: string;
  year: number;
  step: ProgressStep;
  /** ISO 8601: the first preparation, then the last one. */
  preparedAt: string;
  lastPreparedAt: string;
}

/** choosePeers's 200: the custom set now in force (null: none). */
export interface ChoosePeersAnswer {
  structureCode: string;
  year: number;
  peers: PeerChoice | null;
  /** ISO 8601. */
  chosenAt: string;
}

/** healthz's 200: what `barometre doctor` compares with the local settings. */
export interface HealthzAnswer {
  ok: true;
  version: string | null;
  /** The OAuth client ids accepted in tokens (public in every token). */
  audiences: string[];
  /** Whether a sender address is set, and the Union's sheet. */
  mailFrom: boolean;
  unionSheet: boolean;
}

/** Where a registered structure stands in a campaign. */
export const PROGRESS_STATES = ["notStarted", "prepared", "submitted"] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** One registered structure on the status board. */
export interface StatusRow {
  structureCode: string;
  /** The directory's name (the code for a structure no longer in it). */
  name: string;
  territory: string | null;
  state: ProgressState;
  /** ISO 8601: the first time the add-on prepared the structure's workbook, or null. */
  preparedAt: string | null;
  /** The latest revision, null before any. */
  revision: number | null;
  submittedAt: string | null;
  submittedBy: string | null;
  review: ReviewState | null;
  /** Indicators of the latest revision in the red band. */
  fragile: IndicatorKey[];
  /** How many revisions the structure sent (0 before any). */
  revisions: number;
  /** ISO 8601: its first revision, which says whether it answered on time. */
  firstSubmittedAt: string | null;
  /** Days from the announced deadline to the first revision (Paris days, 0 when on time); null without both. */
  daysLate: number | null;
}

/** Shares of the registered structures (fractions), null when there is none; onTime null without a deadline. */
export interface StatusRates {
  /** Structures that sent a return. */
  response: number | null;
  /** Structures whose first revision came by the deadline (Paris time). */
  onTime: number | null;
  /** Structures whose latest revision the Union accepted. */
  accepted: number | null;
}

/** campaignExport's 200 with view=status (JSON): the campaign's status board. */
export interface StatusBoard {
  year: number;
  state: "open" | "closed";
  deadline: string | null;
  counts: Record<ProgressState, number>;
  rates: StatusRates;
  status: StatusRow[];
}

/** One structure's latest revision in a campaign's export. */
export interface ExportRow {
  structureCode: string;
  revision: number;
  /** ISO 8601, server time. */
  submittedAt: string;
  submittedBy: string;
  return: PimmsReturn;
  indicators: Indicators;
  /** The Union's review of it, who attests it, and the director's explanations of warnings. */
  review: ReviewJson;
  attestation: Attestation | null;
  explanations: Record<string, string>;
}

/** campaignExport's 200 (JSON, view=returns): the latest revision of every structure. */
export interface CampaignExport {
  year: number;
  returns: ExportRow[];
  /** Every registered structure and where it stands. */
  status: StatusRow[];
}

/** Next year's close: for each red indicator, whether it left the red band (null: no return that year). */
export interface FollowupOutcome {
  year: number;
  indicators: { key: IndicatorKey; name: string; leftRed: boolean | null }[];
}

export interface FollowupsOpened {
  /** Records created by this close (a close run again creates none). */
  opened: number;
  /** The previous campaign's records, with whether each indicator left the red band. */
  reviewed: { structureCode: string; outcome: FollowupOutcome }[];
}

/** What a close did: the reports it fans out, and the follow-ups of fragile structures. */
export interface CloseOutcome {
  year: number;
  structures: number;
  batches: number;
  /** The follow-up records of fragile structures it opened, and last year's it closed the loop on. */
  followups: FollowupsOpened;
}

/** manageCampaign's 200: the campaign as it now stands; a close also says what it started. */
export interface ManageCampaignAnswer {
  campaign: CampaignOf<string>;
  reports?: CloseOutcome;
}
