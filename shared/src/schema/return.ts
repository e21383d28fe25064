// The return's TypeScript shape, derived from the schema data so the two cannot drift apart.
import type { MeetingId, OfficerId, SECTIONS } from "./sections.ts";
import type { SectionId } from "./types.ts";

type ValueOfType<T> = T extends "int" | "dec" | "eur"
  ? number
  : T extends "bool"
    ? boolean
    : string;

type SectionSpecOf<S extends SectionId> = Extract<(typeof SECTIONS)[number], { id: S }>;

type FlatSection<S extends SectionId> = {
  [F in SectionSpecOf<S>["fields"][number] as F["id"]]: ValueOfType<F["type"]> | null;
};

/** One meeting of the governance grid: an empty date means the meeting was not held. */
export type Meeting = { date: string | null } & { [O in OfficerId]: boolean };

export interface PimmsReturn {
  identification: FlatSection<"identification">;
  governance: { [M in MeetingId]: Meeting };
  finance: FlatSection<"finance">;
  social: FlatSection<"social">;
  activity: FlatSection<"activity">;
  network: FlatSection<"network">;
}

/** Any value a field may hold once parsed. */
export type FieldValue = number | boolean | string | null;
