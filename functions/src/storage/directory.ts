// The Union's directory: structures (code, name, territory, authorised emails) and Union admins.
import { canonicalAddress, STRUCTURE_CODE, TERRITORIES, type Territory } from "@barometre/shared";
import { type Firestore, Timestamp } from "firebase-admin/firestore";
import { z } from "zod";
import { adminDoc, adminsCol, structureDoc, structuresCol } from "./paths.ts";
import { asStored } from "./stored.ts";

export interface StructureEntry {
  code: string;
  name: string;
  territory: Territory;
  /** Canonical addresses (shared/values/address.ts) allowed to submit and read this structure's returns. */
  emails: string[];
}

/** An address as stored and compared: its canonical form by the one address rule (shared/values/address.ts). */
export const EMAIL = z.string().transform((raw, ctx) => {
  const address = canonicalAddress(raw);
  if (address !== null) return address;
  ctx.addIssue({
    code: "custom",
    input: raw,
    message: "n'est pas une adresse électronique valide.",
  });
  return z.NEVER;
});

export const STRUCTURE_ENTRY = z.strictObject({
  code: STRUCTURE_CODE,
  name: z.string().trim().min(1, { error: "est vide." }).max(200),
  territory: z.enum(TERRITORIES, {
    error: `doit être l'un des types de territoire : ${TERRITORIES.join(", ")}.`,
  }),
  emails: z.array(EMAIL).min(1, { error: "doit contenir au moins une adresse." }).max(50),
});

const french = z.locales.fr();

/** A directory entry checked, or one French problem per wrong part ("« territory » doit être …"). */
export function checkStructureEntry(
  input: unknown,
): { entry: StructureEntry; problems: [] } | { entry: null; problems: string[] } {
  const parsed = STRUCTURE_ENTRY.safeParse(input, { error: french.localeError });
  if (parsed.success) return { entry: parsed.data, problems: [] };
  return {
    entry: null,
    problems: parsed.error.issues.map(
      (i) => `« ${i.path.join(".")} » ${i.message.replace(/\.?$/, ".")}`,
    ),
  };
}

export async function saveStructure(
  db: Firestore,
  entry: StructureEntry,
  now: Date,
): Promise<void> {
  // Every field is always written, so set() gives the same document with or without replacement semantics.
  await structureDoc(db, entry.code).set({
    code: entry.code,
    name: entry.name,
    territory: entry.territory,
    emails: [...new Set(entry.emails)],
    updatedAt: Timestamp.fromDate(now),
  });
}

/** Directory entries read as StructureEntry (plus when each was last written, which readers leave out). */
const AS_STRUCTURE = asStored<StructureEntry>();

export async function getStructure(db: Firestore, code: string): Promise<StructureEntry | null> {
  const data = (await structureDoc(db, code).withConverter(AS_STRUCTURE).get()).data();
  if (!data) return null;
  return { code: data.code, name: data.name, territory: data.territory, emails: data.emails };
}

export async function listStructures(db: Firestore): Promise<StructureEntry[]> {
  const snap = await structuresCol(db).withConverter(AS_STRUCTURE).orderBy("code").get();
  return snap.docs.map((d) => d.data());
}

/** Admins are keyed by canonical address (EMAIL gives it), never a look-alike of another's. */
export async function addAdmin(db: Firestore, email: string, addedBy: string, now: Date) {
  if (canonicalAddress(email) !== email) throw new Error(`Not a canonical address: ${email}`);
  await adminDoc(db, email).set({ email, addedBy, addedAt: Timestamp.fromDate(now) });
}

/** An address the rule refuses, or not in canonical form, is nobody's: no document is looked up with it. */
export async function isAdmin(db: Firestore, email: string): Promise<boolean> {
  if (canonicalAddress(email) !== email) return false;
  return (await adminDoc(db, email).get()).exists;
}

export async function listAdmins(db: Firestore): Promise<string[]> {
  const snap = await adminsCol(db)
    .withConverter(asStored<{ email: string }>())
    .orderBy("email")
    .get();
  return snap.docs.map((d) => d.data().email);
}
