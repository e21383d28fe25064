// The contract of each kind of data kept about a structure, which retention/structure-data.ts lists; kinds living
// beside their own concern (the audit trail, the Union's mails) implement it without importing that list.
import type { Firestore } from "firebase-admin/firestore";
import type { Json } from "../storage/firestore-json.ts";

/**
 * One kind of data kept about a structure. Every kind is both exported and erased, so a kind added to
 * STRUCTURE_DATA cannot be forgotten by one of the two. Most kinds are whole documents; some are a part of a
 * shared document (its entry in a campaign's final benchmark) or live outside Firestore (its row in the Union's
 * sheet).
 */
export interface StructureDataKind {
  /** Its key in the export. */
  name: string;
  /** What it is, in the French summary of an erasure. */
  label: string;
  /** What is kept, across the given campaign years. */
  export(db: Firestore, code: string, years: readonly number[]): Promise<Json[]>;
  /** Removes it; returns how many items were removed. */
  erase(db: Firestore, code: string, years: readonly number[]): Promise<number>;
}
