// Campaigns: one per exercice, opened and closed by the Union, with a deadline, status bands, a minimum group size and a mode.
import {
  type CampaignOf,
  type CampaignSettings,
  DEFAULT_MIN_GROUP_SIZE,
  formatDate,
  parisDay,
  Refusal,
} from "@barometre/shared";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { recordPastCampaigns } from "../positioning/past-record.ts";
import { shardCount } from "../positioning/population-snapshot.ts";
import { isAlreadyExists, isNotFound } from "./firestore-errors.ts";
import { campaignDoc, campaignsCol, structuresCol } from "./paths.ts";
import { asStored } from "./stored.ts";

/** A campaign as stored (the API sends it with its instants as ISO strings). */
export type Campaign = CampaignOf<Timestamp>;

/** J-14, J-7 and J-2 before the deadline, J+1 after it. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [-14, -7, -2, 1];

const notFound = (year: number) =>
  new Refusal("not-found", `La campagne ${year} n'existe pas : ouvrez-la d'abord.`);

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
  const data = (await campaignDoc(db, year).get()).data();
  return data ? campaignOf(data) : null;
}

export async function listCampaignYears(db: Firestore): Promise<number[]> {
  const snap = await campaignsCol(db)
    .withConverter(asStored<{ year: number }>())
    .orderBy("year")
    .get();
  return snap.docs.map((d) => d.data().year);
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

/** The campaign a return may be submitted to, or a conflict refusal saying why not. */
export function requireOpen(campaign: Campaign | null, year: number, now: Date): Campaign {
  if (!campaign)
    throw new Refusal(
      "conflict",
      `La campagne ${year} n'est pas ouverte : l'Union ne l'a pas lancée. Vérifiez l'exercice saisi.`,
    );
  if (campaign.state !== "open")
    throw new Refusal(
      "conflict",
      `La campagne ${year} est close : l'Union n'accepte plus de retours pour cet exercice.`,
    );
  if (campaign.deadline !== null && parisDay(now) > campaign.deadline)
    throw new Refusal(
      "conflict",
      `La date limite de la campagne ${year} (${formatDate(campaign.deadline)}) est passée : contactez l'Union.`,
    );
  return campaign;
}
