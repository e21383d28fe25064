// Failures the user can act on, and the wrapper that turns every server call into a calm French answer.
import type { Answer } from "./panel-types.ts";

/** A failure explained in one French sentence, shown as is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

const UNEXPECTED =
  "Une erreur inattendue a interrompu l'opération ; vos données n'ont pas été modifiées par cette erreur. Réessayez, et prévenez l'Union si elle se reproduit.";

/** Runs a sidebar request: its value, or the French reason it failed (the technical detail goes to the log). */
export function answer<T>(work: () => T): Answer<T> {
  try {
    return { ok: true, value: work() };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message };
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return { ok: false, message: UNEXPECTED };
  }
}
