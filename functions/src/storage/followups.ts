// The Union's follow-up of fragile structures (the 2020 phase): after a close, one record per structure with an
// indicator in the red band, kept as the Union's own working notes (never sent to a structure).
//
// A record is created once (create(): closing again never overwrites the notes) with the red indicators and their
// values over every campaign the system holds; the Union then moves its state, adds dated notes and a next step.
// Next year's close records, on each previous record, whether each indicator left the red band.
import {
  type FollowupOutcome,
  type FollowupsOpened,
  formatIndicatorValue,
  fragileKeys,
  type IndicatorKey,
  ISO_DAY,
  indicator,
  Refusal,
  STATUS_LABELS,
} from "@barometre/shared";
import { FieldValue, type Firestore, Timestamp } from "firebase-admin/firestore";
import { z } from "zod";
import type { LatestSummary } from "../status/board.ts";
import { latestSummaries } from "../status/read-board.ts";
import { eachLimited } from "../util/each-limited.ts";
import { listCampaignYears } from "./campaigns.ts";
import { listStructures } from "./directory.ts";
import { isAlreadyExists, isNotFound } from "./firestore-errors.ts";
import { followupDoc, followupsCol, unionSheetDoc } from "./paths.ts";
import { asStored } from "./stored.ts";

/** Writes in flight at a close: the fragile structures of a 2,800-structure network without one round trip each. */
const WRITES_IN_FLIGHT = 16;

export const FOLLOWUP_STATES = [
  "à contacter",
  "plan d'action en cours",
  "résolu",
  "sans suite",
] as const;
export type FollowupState = (typeof FOLLOWUP_STATES)[number];

export interface RedIndicator {
  key: IndicatorKey;
  name: string;
  /** Its value in each campaign held, oldest first: "64,0 %" and the band in words. */
  history: { year: number; value: string; band: string }[];
}

export interface FollowupNote {
  text: string;
  by: string;
  at: Timestamp;
}

/** Whether an indicator left the red band at next year's close, in words. */
export const leftRedWords = (leftRed: boolean | null): string =>
  leftRed === null
    ? "pas de retour"
    : leftRed
      ? "sorti de la bande rouge"
      : "toujours en bande rouge";

/** A record's outcome at next year's close: « Taux de formation : sorti de la bande rouge ; … ». */
export const outcomeWords = (f: Pick<Followup, "outcome">): string =>
  f.outcome?.indicators.map((i) => `${i.name} : ${leftRedWords(i.leftRed)}`).join(" ; ") ?? "";

export interface Followup {
  structureCode: string;
  year: number;
  name: string;
  red: RedIndicator[];
  state: FollowupState;
  notes: FollowupNote[];
  /** "YYYY-MM-DD", the next step's date, or null. */
  nextStep: string | null;
  outcome: FollowupOutcome | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  updatedBy: string;
}

function history(key: IndicatorKey, code: string, byYear: Map<number, Map<string, LatestSummary>>) {
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([year, latest]) => {
      const r = latest.get(code);
      if (!r) return [];
      const { value, status } = r.indicators[key];
      return [
        {
          year,
          value: formatIndicatorValue(key, value),
          band: status ? STATUS_LABELS[status] : "",
        },
      ];
    });
}

/** After the close of `year`: opens the records of its fragile structures, and closes the loop on last year's. */
export async function openFollowups(
  db: Firestore,
  year: number,
  by: string,
  now: Date,
): Promise<FollowupsOpened> {
  const years = (await listCampaignYears(db)).filter((y) => y <= year);
  const [directory, ...latest] = await Promise.all([
    listStructures(db),
    // Summaries without payloads: a close of 2,800 structures reads every year held.
    ...years.map((y) => latestSummaries(db, y)),
  ]);
  const byYear = new Map(
    years.map((y, i) => [y, new Map((latest[i] ?? []).map((r) => [r.structureCode, r]))]),
  );
  const names = new Map(directory.map((e) => [e.code, e.name]));
  const current = byYear.get(year) ?? new Map<string, LatestSummary>();
  const at = Timestamp.fromDate(now);
  const fragile = [...current.values()].filter((r) => fragileKeys(r.indicators).length > 0);
  const created = await eachLimited(fragile, WRITES_IN_FLIGHT, async (r) => {
    const record: Followup = {
      structureCode: r.structureCode,
      year,
      name: names.get(r.structureCode) ?? r.structureCode,
      red: fragileKeys(r.indicators).map((key) => ({
        key,
        name: indicator(key).name,
        history: history(key, r.structureCode, byYear),
      })),
      state: "à contacter",
      notes: [],
      nextStep: null,
      outcome: null,
      createdAt: at,
      updatedAt: at,
      updatedBy: by,
    };
    try {
      await followupDoc(db, year, r.structureCode).create(record);
      return true;
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      return false;
    }
  });
  const reviewed = await eachLimited(
    await listFollowups(db, year - 1),
    WRITES_IN_FLIGHT,
    async (previous) => {
      const now = current.get(previous.structureCode);
      const outcome: FollowupOutcome = {
        year,
        indicators: previous.red.map(({ key, name }) => ({
          key,
          name,
          leftRed: now ? now.indicators[key].status !== "red" : null,
        })),
      };
      await followupDoc(db, year - 1, previous.structureCode).update({ outcome });
      return { structureCode: previous.structureCode, outcome };
    },
  );
  const opened = created.filter(Boolean).length;
  return { opened, reviewed };
}

const AS_FOLLOWUP = asStored<Followup>();

export async function listFollowups(db: Firestore, year: number): Promise<Followup[]> {
  const snap = await followupsCol(db, year)
    .withConverter(AS_FOLLOWUP)
    .orderBy("structureCode")
    .get();
  return snap.docs.map((d) => d.data());
}

export async function getFollowup(
  db: Firestore,
  year: number,
  code: string,
): Promise<Followup | null> {
  return (await followupDoc(db, year, code).withConverter(AS_FOLLOWUP).get()).data() ?? null;
}

export const FOLLOWUP_UPDATE = z
  .strictObject({
    state: z.enum(FOLLOWUP_STATES, {
      error: `doit être l'un des états : ${FOLLOWUP_STATES.join(", ")}.`,
    }),
    note: z.string().trim().min(1, "est vide.").max(2000, "dépasse 2000 caractères."),
    nextStep: ISO_DAY.nullable(),
  })
  .partial()
  .refine(
    (u) => Object.values(u).some((v) => v !== undefined),
    "Indiquez un état, une note ou une prochaine étape.",
  );

export type FollowupUpdate = z.infer<typeof FOLLOWUP_UPDATE>;

/** Changes a record's state or next step and appends a dated note; refused as not found (nothing stored) when there is none. */
export async function updateFollowup(
  db: Firestore,
  year: number,
  code: string,
  update: FollowupUpdate,
  by: string,
  now: Date,
): Promise<Followup> {
  const current = await getFollowup(db, year, code);
  if (!current)
    throw new Refusal(
      "not-found",
      `« ${code} » n'a pas de suivi pour ${year} : seules les structures ayant un indicateur en bande rouge à la clôture en ont un.`,
    );
  const at = Timestamp.fromDate(now);
  const note = update.note ? { text: update.note, by, at } : null;
  const next: Followup = {
    ...current,
    ...(update.state ? { state: update.state } : {}),
    ...(update.nextStep !== undefined ? { nextStep: update.nextStep } : {}),
    notes: note ? [...current.notes, note] : current.notes,
    updatedAt: at,
    updatedBy: by,
  };
  try {
    // arrayUnion: two officers adding notes at once both keep theirs.
    await followupDoc(db, year, code).update({
      state: next.state,
      nextStep: next.nextStep,
      ...(note ? { notes: FieldValue.arrayUnion(note) } : {}),
      updatedAt: at,
      updatedBy: by,
    });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    throw new Refusal("not-found", `Le suivi de « ${code} » pour ${year} vient d'être effacé.`);
  }
  // The Accompagnement tab is rewritten at the sheet's next sync, as after an erasure.
  await unionSheetDoc(db, year)
    .update({ dirty: true })
    .catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  return next;
}
