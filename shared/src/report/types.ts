// The report's input and its renderer-agnostic document: what a structure (or the Union) reads, already in French.

import type { BandSettings, Status } from "../indicators/bands.ts";
import type { Indicators } from "../indicators/compute.ts";
import type { IndicatorKey, IndicatorUnit } from "../indicators/definitions.ts";
import type { Positioning } from "../positioning/index.ts";

/** Anonymous (default): statistics only. Transparent: a named table of all structures is added. */
export type ReportMode = "anonymous" | "transparent";

export interface ReportCampaign {
  year: number;
  mode: ReportMode;
  minGroupSize: number;
  /** The campaign's bands when the Union changed them; the defaults otherwise. */
  bands?: BandSettings;
  /** Returns received and structures in the Union's directory, for the response rate. */
  responses?: { received: number; expected: number };
}

export interface NamedIndicators {
  code: string;
  name: string;
  indicators: Indicators;
}

export interface ReportInput {
  campaign: ReportCampaign;
  structure: { code: string; name: string; territory: string | null };
  /** `submittedAt` is an ISO date or timestamp. */
  revision: { number: number; submittedAt: string };
  positioning: Positioning;
  /** Every structure of the campaign; read in transparent mode only, ignored otherwise. */
  transparentTable?: readonly NamedIndicators[];
  /** When the final benchmark was computed, already written as a Paris date and time. */
  dataAt?: string;
}

/** A band written in words: colour is never its only carrier. */
export interface BandText {
  status: Status;
  /** "Rouge (fragilité)". */
  text: string;
  /** "vert ≥ 2,0 % ; orange ≥ 1,0 % ; rouge en dessous". */
  thresholds: string;
}

/**
 * A group's box: quartiles and median, and whiskers to the minimum and maximum (the Union's own documents) or to
 * the 10th and 90th percentiles (what structures receive), none in a group too small for those.
 */
export interface BoxStats {
  q1: number;
  median: number;
  q3: number;
  whiskers: { low: number; high: number; ends: "range" | "deciles" } | null;
}

/** One row of a distribution chart: a group's box. */
export interface ChartRow {
  /** "Réseau (35 structures)". */
  label: string;
  stats: BoxStats;
}

export interface ChartModel {
  kind?: "distribution";
  /** Stable within a document; renderers derive image names from it. */
  id: string;
  unit: IndicatorUnit;
  /** What the chart shows, for its accessible title. */
  title: string;
  rows: ChartRow[];
  /** The structure's value, drawn across every row; null in the Union's summary or when not computable. */
  marker: { value: number; label: string } | null;
  /** The text alternative: every figure the chart shows, in words. */
  alt: string;
}

/** One line of a trajectory chart: a value per year, null for a gap. */
export interface TrajectorySeries {
  label: string;
  role: "structure" | "network" | "group";
  values: (number | null)[];
}

/** A small line chart of an indicator over the campaigns held. */
export interface TrajectoryModel {
  kind: "trajectory";
  /** Stable within a document; renderers derive image names from it. */
  id: string;
  unit: IndicatorUnit;
  title: string;
  years: number[];
  series: TrajectorySeries[];
  /** The text alternative: every figure of every year. */
  alt: string;
}

/** A label and its value, with the band when the value has one. */
export interface Fact {
  label: string;
  value: string;
  status?: Status | null;
}

/** What every indicator entry shows, in a structure's report as in the Union's summary. */
export interface EntryBody {
  key: IndicatorKey;
  /** "2'". */
  number: string;
  name: string;
  facts: Fact[];
  chart: ChartModel | null;
  /** The values over the campaigns held, null without history. */
  trajectory?: TrajectoryModel | null;
  /** Sentences shown instead of statistics (small groups). */
  notices: string[];
  /** The evolution since N-1 in one sentence, null when it means nothing (a change of a change). */
  evolution: string | null;
  definition: string;
  formulaInWords: string;
}

export interface IndicatorEntry extends EntryBody {
  /** "0,26", "non calculable". */
  valueText: string;
  /** Why the value is not computable. */
  reason: string | null;
  band: BandText | null;
}

/** One of the Union's eight indicators with its keys (#2 with 2', #5 with six, #6 with two). */
export interface IndicatorSection<E extends EntryBody = IndicatorEntry> {
  number: string;
  title: string;
  entries: E[];
}

export interface SummaryItem {
  key: IndicatorKey;
  status: Status | null;
  text: string;
}

export interface NamedTable {
  caption: string;
  head: string[];
  rows: { cells: string[]; statuses: (Status | null)[]; highlight: boolean }[];
}

/** What every printed document has, a structure's report as the Union's summary. */
export interface PrintedDocument<E extends EntryBody = EntryBody> {
  year: number;
  /** "Baromètre des PIMMS 2018". */
  title: string;
  /** "Rapport de positionnement — PIMMS Rennes". */
  subtitle: string;
  /** The mail subject. */
  subject: string;
  /** Attachment base name: "barometre-2018-PIMMS-RENNES". */
  fileStem: string;
  /** Lines under the title: code, territory, revision, population compared with. */
  header: string[];
  summary: { headline: string; items: SummaryItem[] };
  sections: IndicatorSection<E>[];
  /**
   * How to read the charts, shown once before them with the legend drawn as a chart; marker: the structure's
   * diamond is explained too; whiskers: what the whiskers span.
   */
  legend: { text: string; marker: boolean; whiskers: "range" | "deciles" };
  /** Closing notes: how to read the figures and what the document keeps private. */
  notes: string[];
  /**
   * A structure's report gathers each indicator's definition and formula at its end, under this title with the
   * notes, rather than after each indicator.
   */
  method?: { title: string; fiches: Fact[] };
}

export interface ReportDocument extends PrintedDocument<IndicatorEntry> {
  kind: "structure";
  /** The one-page summary for the board, rendered as a second PDF. */
  board: Layout;
  mode: ReportMode;
  structure: { code: string; name: string; territory: string | null };
  revision: { number: number; submittedAt: string; text: string };
  transparentTable: NamedTable | null;
}

/** A report in reading order, as a flat list of blocks: what the email, plain-text and PDF renderers each lay out. */
export type Block =
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "paragraph"; text: string; strong?: boolean }
  | { kind: "list"; items: { text: string; status: Status | null }[] }
  | { kind: "facts"; facts: Fact[] }
  | { kind: "chart"; chart: ChartModel | TrajectoryModel }
  /** How to read the charts, in words and as a drawn legend. */
  | { kind: "legend"; text: string; marker: boolean; whiskers: "range" | "deciles" }
  | { kind: "table"; table: NamedTable };

export interface Layout {
  title: string;
  subtitle: string;
  subject: string;
  fileStem: string;
  header: string[];
  blocks: Block[];
}
