// The director's words kept with the workbook (document properties): who attests the figures, and the explanations of
// warnings, so they survive closing the sheet and are sent with every return.
import {
  ATTESTATION_ROLES,
  type Attestation,
  findField,
  MAX_ATTESTATION_NAME,
  MAX_EXPLANATION,
} from "@barometre/shared";
import { UserError } from "./user-error.ts";

const ATTESTATION = "barometre.attestation";
const EXPLANATIONS = "barometre.explanations";

function readJson<T>(key: string): T | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function savedAttestation(): Attestation | null {
  const a = readJson<Attestation>(ATTESTATION);
  return a && typeof a.name === "string" && ATTESTATION_ROLES.includes(a.role) ? a : null;
}

/** Checks and keeps the attestation typed in the sidebar. */
export function saveAttestation(name: unknown, role: unknown): Attestation {
  const trimmed = typeof name === "string" ? name.trim() : "";
  if (trimmed === "")
    throw new UserError("Indiquez le nom de la personne qui atteste l'exactitude des chiffres.");
  if (trimmed.length > MAX_ATTESTATION_NAME)
    throw new UserError(`Le nom ne doit pas dépasser ${MAX_ATTESTATION_NAME} caractères.`);
  if (!ATTESTATION_ROLES.includes(role as Attestation["role"]))
    throw new UserError(`Choisissez la fonction : ${ATTESTATION_ROLES.join(", ")}.`);
  const a: Attestation = { name: trimmed, role: role as Attestation["role"] };
  PropertiesService.getDocumentProperties().setProperty(ATTESTATION, JSON.stringify(a));
  return a;
}

export function savedExplanations(): Record<string, string> {
  return readJson<Record<string, string>>(EXPLANATIONS) ?? {};
}

/** Keeps (or, when empty, removes) the explanation of one field's warning. */
export function saveExplanation(field: unknown, text: unknown): Record<string, string> {
  if (typeof field !== "string" || !findField(field))
    throw new UserError("Ce champ n'existe pas dans le retour.");
  const trimmed = typeof text === "string" ? text.trim() : "";
  if (trimmed.length > MAX_EXPLANATION)
    throw new UserError(
      `L'explication dépasse ${MAX_EXPLANATION} caractères (${trimmed.length}) : raccourcissez-la.`,
    );
  const all = savedExplanations();
  if (trimmed === "") delete all[field];
  else all[field] = trimmed;
  PropertiesService.getDocumentProperties().setProperty(EXPLANATIONS, JSON.stringify(all));
  return all;
}
