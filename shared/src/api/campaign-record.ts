// A campaign's record: one per exercice, opened and closed by the Union. Its instants are Firestore timestamps where
// stored and ISO 8601 strings in manageCampaign's answer.
import type { BandSettings } from "../indicators/index.ts";
import type { SizeBands } from "../positioning/index.ts";
import type { CampaignMode } from "./campaign-settings.ts";

/** A campaign with its instants typed as Time. */
export interface CampaignOf<Time> {
  year: number;
  state: "open" | "closed";
  /** Last day (Paris time) on which returns are accepted, "YYYY-MM-DD", or null for none. */
  deadline: string | null;
  /**
   * The first deadline the Union set, which timeliness is measured against: a deadline moved later lets late
   * returns in, it does not make them on time. Absent on campaigns stored before it existed (then `deadline`).
   */
  announcedDeadline?: string | null;
  /** Overrides of the default status bands; indicators left out keep their default. */
  bands: BandSettings;
  minGroupSize: number;
  /** Anonymous: reports show no other structure; transparent: they add a named comparison. */
  mode: CampaignMode;
  /**
   * Days, relative to the deadline, on which structures that have not submitted get a reminder: -14 is two weeks
   * before, 1 the day after. Campaigns stored before reminders existed read as the default.
   */
  reminderOffsets: number[];
  /** The size groups' bands the Union set; absent: the terciles of the previous campaign, rounded. */
  sizeBands?: Partial<SizeBands>;
  updatedBy: string;
  /** When it was last closed; null while open. */
  closedAt?: Time | null;
  /**
   * How many shards its population snapshot has (positioning/population-snapshot.ts), fixed when it is created
   * from the directory's size; absent for a campaign created before snapshots, whose population is read in full.
   */
  populationShards?: number;
  /** Set when a close asked for the final reports: the hourly upkeep finishes what such a close started. */
  reportsRequestedAt?: Time;
}
