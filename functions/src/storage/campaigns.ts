// Campaigns: one per exercice, opened and closed by the Union, with a deadline, status bands, a minimum group size and a mode.
import {
  type BandSettings,
  bandsProblem,
  DEFAULT_MIN_GROUP_SIZE,
  formatDate,
  INDICATOR_KEYS,
  indicator,
  isoDate,
  parisDay,
  SIZE_DIMENSIONS,
  type SizeBands,
} from "@barometre/shared";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { z } from "zod";
import { HttpError } from "../http/guard.ts";
import { recordPastCampaigns } from "../positioning/past-record.ts";
import { shardCount } from "../positioning/population-snapshot.ts";
import { isAlreadyExists, isNotFound } from "./firestore-errors.ts";
import { campaignDoc, campaignsCol, structuresCol } from "./paths.ts";

export const CAMPAIGN_MODES = ["anonymous", "transparent"] as const;
export type CampaignMode = (typeof CAMPAIGN_MODES)[number];

export interface Campaign {
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
  closedAt?: Timestamp | null;
  /**
   * How many shards its population snapshot has (positioning/population-snapshot.ts), fixed when it is created
   * from the directory's size; absent for a campaign created before snapshots, whose population is read in full.
   */
  populationShards?: number;
  /** Set when a close asked for the final reports: the hourly upkeep finishes what such a close started. */
  reportsRequestedAt?: Timestamp;
}

/** A calendar day "YYYY-MM-DD" that exists. */
export const ISO_DAY = z.string().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isoDate(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}, "doit être une date AAAA-MM-JJ.");

/** J-14, J-7 and J-2 before the deadline, J+1 after it. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [-14, -7, -2, 1];

/** At most ten reminder days, from three months before the deadline to a month after, each once, kept in order. */
export const REMINDER_OFFSETS = z
  .array(
    z
      .int()
      .min(-90, "une relance se place au plus tôt à J-90.")
      .max(30, "une relance se place au plus tard à J+30."),
  )
  .max(10, "dix jours de relance au plus.")
  .refine(
    (days) => new Set(days).size === days.length,
    "chaque jour de relance ne doit figurer qu'une fois.",
  )
  .transform((days) => [...days].sort((a, b) => a - b));

const THRESHOLD = z.strictObject({ op: z.enum([">=", ">"]), value: z.number() });

const BANDS = z
  .partialRecord(
    z.enum(INDICATOR_KEYS),
    z.discriminatedUnion("kind", [
      z
        .strictObject({ kind: z.literal("numeric"), green: THRESHOLD, orange: THRESHOLD })
        .refine(
          (b) => b.green.value >= b.orange.value,
          "le seuil vert doit être au moins égal au seuil orange.",
        ),
      z.strictObject({ kind: z.literal("boolean") }),
    ]),
  )
  .superRefine((bands, ctx) => {
    for (const [key, band] of Object.entries(bands)) {
      const def = indicator(key as (typeof INDICATOR_KEYS)[number]);
      if ((def.unit === "bool") !== (band?.kind === "boolean"))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `« ${def.name} » attend des bandes ${def.unit === "bool" ? "Oui/Non" : "numériques"}.`,
        });
    }
  });

const SIZE_BAND = z.strictObject({ min: z.number(), max: z.number().nullable() });

/** Bands per dimension, each set contiguous from 0 to an open last band (bandsProblem says why not). */
const SIZE_BANDS = z
  .strictObject({ charges: z.array(SIZE_BAND).optional(), fte: z.array(SIZE_BAND).optional() })
  .superRefine((bands, ctx) => {
    for (const d of SIZE_DIMENSIONS) {
      const list = bands[d];
      const problem = list && bandsProblem(d, list);
      if (problem) ctx.addIssue({ code: "custom", path: [d], message: problem });
    }
  });

/** What the Union may set on a campaign; every part is optional and left unchanged when absent. */
export const CAMPAIGN_SETTINGS = z.strictObject({
  deadline: ISO_DAY.nullable().optional(),
  bands: BANDS.optional(),
  minGroupSize: z.int().min(1).max(1000).optional(),
  mode: z.enum(CAMPAIGN_MODES).optional(),
  reminderOffsets: REMINDER_OFFSETS.optional(),
  sizeBands: SIZE_BANDS.optional(),
});
export type CampaignSettings = z.infer<typeof CAMPAIGN_SETTINGS>;

export const YEAR = z.int().min(2010).max(2100);

const notFound = (year: number) =>
  new HttpError(404, `La campagne ${year} n'existe pas : ouvrez-la d'abord.`);

/** Only the given settings, ready for update(): absent ones are left out, not written as undefined. */
function changes(settings: CampaignSettings): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
}

/** A stored campaign with the settings added since it was created filled with their defaults. */
export const campaignOf = (data: object): Campaign =>
  ({
    reminderOffsets: [...DEFAULT_REMINDER_OFFSETS],
    ...(data as Partial<Campaign>),
  }) as Campaign;

export async function getCampaign(db: Firestore, year: number): Promise<Campaign | null> {
  const snap = await campaignDoc(db, year).get();
  return snap.exists ? campaignOf(snap.data() as object) : null;
}

export async function listCampaignYears(db: Firestore): Promise<number[]> {
  const snap = await campaignsCol(db).orderBy("year").get();
  return snap.docs.map((d) => d.get("year") as number);
}

/** Opens a campaign, creating it with default settings the first time; reopening keeps its settings. */
export async function openCampaign(
  db: Firestore,
  year: number,
  settings: CampaignSettings,
  by: string,
  now: Date,
): Promise<void> {
  const at = Timestamp.fromDate(now);
  const registered = (await structuresCol(db).count().get()).data().count;
  try {
    await campaignDoc(db, year).create({
      year,
      state: "open",
      deadline: null,
      bands: {},
      minGroupSize: DEFAULT_MIN_GROUP_SIZE,
      mode: "anonymous",
      reminderOffsets: [...DEFAULT_REMINDER_OFFSETS],
      populationShards: shardCount(registered),
      openedAt: at,
      closedAt: null,
      ...changes(settings),
      announcedDeadline: settings.deadline ?? null,
      updatedAt: at,
      updatedBy: by,
    });
  } catch (error) {
    if (!isAlreadyExists(error)) throw error;
    await campaignDoc(db, year).update({
      ...changes(settings),
      ...(await announcing(db, year, settings)),
      state: "open",
      openedAt: at,
      closedAt: null,
      updatedAt: at,
      updatedBy: by,
    });
  }
  // Its live answers' trajectories read the campaigns before it from its record, and later ones' from theirs.
  await recordPastCampaigns(db, year, { self: true });
}

/** The first deadline set on a campaign is kept as its announced deadline; later ones do not replace it. */
async function announcing(
  db: Firestore,
  year: number,
  settings: CampaignSettings,
): Promise<Record<string, unknown>> {
  if (!settings.deadline) return {};
  const current = await getCampaign(db, year);
  if (!current || current.announcedDeadline) return {};
  return { announcedDeadline: current.deadline ?? settings.deadline };
}

async function updateCampaign(db: Firestore, year: number, fields: Record<string, unknown>) {
  try {
    await campaignDoc(db, year).update(fields);
  } catch (error) {
    throw isNotFound(error) ? notFound(year) : error;
  }
}

/** Refuses further returns; with `reports`, also records that the final reports are to be sent. */
export async function closeCampaign(
  db: Firestore,
  year: number,
  by: string,
  now: Date,
  options: { reports?: boolean } = {},
) {
  const at = Timestamp.fromDate(now);
  await updateCampaign(db, year, {
    state: "closed",
    closedAt: at,
    updatedAt: at,
    updatedBy: by,
    ...(options.reports ? { reportsRequestedAt: at } : {}),
  });
}

/** Changes a campaign's settings; `bands` replaces the campaign's whole set of overrides. */
export async function configureCampaign(
  db: Firestore,
  year: number,
  settings: CampaignSettings,
  by: string,
  now: Date,
) {
  await updateCampaign(db, year, {
    ...changes(settings),
    ...(await announcing(db, year, settings)),
    updatedAt: Timestamp.fromDate(now),
    updatedBy: by,
  });
}

/** The calendar day in Paris, where the Union's deadlines are set (shared, so reports and the add-on agree). */
export { parisDay };

/** The deadline against which returns are on time or late (see Campaign.announcedDeadline). */
export const announcedDeadline = (c: Campaign): string | null => c.announcedDeadline ?? c.deadline;

/** Whether the campaign's last day (Paris time) is over. */
export const deadlinePassed = (campaign: Campaign, now: Date): boolean =>
  campaign.deadline !== null && parisDay(now) > campaign.deadline;

/** Whether a return submitted now would be accepted (requireOpen says why not). */
export const acceptsReturns = (campaign: Campaign, now: Date): boolean =>
  campaign.state === "open" && !deadlinePassed(campaign, now);

/** The campaign a return may be submitted to, or a 409 saying why not. */
export function requireOpen(campaign: Campaign | null, year: number, now: Date): Campaign {
  if (!campaign)
    throw new HttpError(
      409,
      `La campagne ${year} n'est pas ouverte : l'Union ne l'a pas lancée. Vérifiez l'exercice saisi.`,
    );
  if (campaign.state !== "open")
    throw new HttpError(
      409,
      `La campagne ${year} est close : l'Union n'accepte plus de retours pour cet exercice.`,
    );
  if (campaign.deadline !== null && parisDay(now) > campaign.deadline)
    throw new HttpError(
      409,
      `La date limite de la campagne ${year} (${formatDate(campaign.deadline)}) est passée : contactez l'Union.`,
    );
  return campaign;
}
