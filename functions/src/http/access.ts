// Who may do what: a director acts only for the structures listing their email; Union admins act for all.
import { Refusal } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { getStructure, isAdmin, type StructureEntry } from "../storage/directory.ts";
import type { Identity } from "./auth.ts";

export async function requireAdmin(db: Firestore, who: Identity): Promise<void> {
  if (!(await isAdmin(db, who.email)))
    throw new Refusal(
      "forbidden",
      `Action réservée aux administrateurs de l'Union (${who.email} n'en fait pas partie).`,
    );
}

export interface StructureAccess {
  /** The directory entry; null only for an admin asking about a code the directory does not know. */
  entry: StructureEntry | null;
  admin: boolean;
}

/**
 * The caller's right to act for a structure, or a "forbidden" refusal. A director gets the same words whether the code is
 * registered or not, so the refusals cannot be used to list the network's codes; the words cover both causes.
 */
export async function requireStructureAccess(
  db: Firestore,
  who: Identity,
  code: string,
): Promise<StructureAccess> {
  const [entry, admin] = await Promise.all([getStructure(db, code), isAdmin(db, who.email)]);
  if (admin) return { entry, admin };
  if (!entry?.emails.includes(who.email))
    throw new Refusal(
      "forbidden",
      `L'adresse ${who.email} n'est pas autorisée pour la structure « ${code} » : vérifiez le code structure, ou demandez à l'Union de vous ajouter à l'annuaire.`,
    );
  return { entry, admin };
}

/** The caller's right to act for a structure the directory knows (to submit or report progress), or a "forbidden" refusal. */
export async function requireRegisteredStructure(
  db: Firestore,
  who: Identity,
  code: string,
): Promise<StructureEntry> {
  const { entry } = await requireStructureAccess(db, who, code);
  if (!entry)
    throw new Refusal(
      "forbidden",
      `La structure « ${code} » n'est pas inscrite dans l'annuaire de l'Union.`,
    );
  return entry;
}
