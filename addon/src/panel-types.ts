// What the sidebar and the server exchange through google.script.run: plain data, every text French and formatted.

export type PanelAction = "prepare" | "verify" | "submit";

export interface FindingView {
  severity: "error" | "warning";
  /** The field's path ("finance.chargesTotal"), which an explanation is kept under; null for the workbook. */
  field: string | null;
  message: string;
  /** "'Données financières'!B7", handed back to selectCell; null when the field has no cell. */
  cell: string | null;
  /** "Données financières, B7" */
  place: string | null;
}

export interface IndicatorLine {
  key: string;
  name: string;
  /** "64,0 %", or "non calculable". */
  value: string;
  reason: string | null;
  /** "Vert", "Orange", "Rouge": the band is always written, never shown by colour alone. */
  band: string | null;
  background: string | null;
  fontColor: string | null;
  /** Before sending: "dans la moitié centrale du réseau 2017", the last closed campaign's network. */
  standing: string | null;
}

/** One of the eight indicators of the Union's list, with its one or more figures. */
export interface IndicatorGroup {
  number: string;
  lines: IndicatorLine[];
}

export interface Verification {
  structure: string | null;
  prepared: boolean;
  findings: FindingView[];
  errors: number;
  warnings: number;
  required: number;
  filled: number;
  /** "92 %" */
  completeness: string;
  indicators: IndicatorGroup[];
  /** Null when the return may be sent, else the French reason it may not. */
  refusal: string | null;
}

export interface SubmissionView {
  revision: number;
  /** "12/04/2019 à 14:05" */
  when: string;
  who: string | null;
  structureCode: string;
  year: number;
}

/** An indicator's values over the campaigns held, compact: a value per year, gaps as gaps, and an arrow. */
export interface TrajectoryView {
  /** Oldest first; value null: a gap (no return that year, or a value not computable), never a zero. */
  points: { year: number; value: string | null }[];
  /** "↗", "↘" or "→" from the first value to the last; null with fewer than two values. */
  arrow: string | null;
  /** The arrow in words: "en hausse depuis 2016". */
  trend: string | null;
}

export interface PositioningLine {
  name: string;
  value: string;
  median: string;
  /** Where the value stands in the network, in words. */
  position: string;
  /** Null without at least two campaigns. */
  trajectory: TrajectoryView | null;
}

export interface PositioningView {
  summary: string;
  lines: PositioningLine[];
  /** Indicators in the red band, by name. */
  fragile: string[];
}

/** The campaign of the prepared workbook, in one calm French sentence (its deadline and the days left). */
export interface CampaignView {
  year: number;
  text: string;
  /** The custom peer set: absent when the campaign was not launched. */
  peers?: PeersView;
}

/** What the sidebar's peer form sends: shared's PeerChoice in shape, spelt here so the page bundles no domain code. */
export type PeerChoiceSent =
  | { territory?: string; chargesBand?: number; fteBand?: number }
  | { codes: string[] };

/** The custom peer set in the sidebar: campaignInfo's PeersInfo, with the choice in words. */
export interface PeersView {
  /** "Urbain QPV ; charges < 300 000 €", or null without a set. */
  description: string | null;
  chosenFor: number | null;
  transparent: boolean;
  open: boolean;
  territories: string[];
  bands: { charges: string[]; fte: string[] };
  /** The choice in force, to fill the form. */
  territory: string | null;
  chargesBand: number | null;
  fteBand: number | null;
  codes: string[];
}

export interface PanelState {
  /** False until the Union has set the functions' address in the add-on's deployment. */
  configured: boolean;
  lastSubmission: SubmissionView | null;
  /** Who attests the figures, as typed once in the sidebar. */
  attestation: AttestationView | null;
  /** The director's explanations of warnings, by field path. */
  explanations: Record<string, string>;
}

/** Who vouches for the figures: a name and a role (direction, présidence, trésorerie). */
export interface AttestationView {
  name: string;
  role: string;
}

/** A field the Union's review names, linked to its cell. */
export interface ReviewField {
  label: string;
  cell: string | null;
  place: string | null;
}

/** The Union's latest review of the latest revision, shown at the top of the sidebar. */
export interface ReviewView {
  revision: number;
  /** "à corriger", "accepté" */
  state: string;
  /** What it means for the director, in one sentence. */
  headline: string;
  comment: string | null;
  who: string | null;
  /** "12/04/2019 à 14:05", Paris time */
  when: string;
  locked: boolean;
  fields: ReviewField[];
}

export interface PrepareOutcome {
  created: string[];
  kept: string[];
  /** What happened to the N-1 fields, in one French sentence. */
  previousYear: string | null;
}

export type SubmitOutcome =
  | {
      sent: true;
      message: string;
      submission: SubmissionView;
      positioning: PositioningView | null;
      warnings: FindingView[];
      /** "Nombre de salariés : 18 → 31", what changed since the previous revision. */
      changes: string[];
    }
  | { sent: false; message: string; findings: FindingView[] };

/** Every server answer: the result, or a calm French sentence instead of an exception. */
export type Answer<T> = { ok: true; value: T } | { ok: false; message: string };
