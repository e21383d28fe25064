// Errors the user can act on: one French sentence, never a stack trace, and the exit code to return.
import type { RefusalKind } from "@barometre/shared";

/** A failure explained to the user in French; `exitCode` 2 means the input could not be read or used. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "UserError";
  }
}

/**
 * The exit code of each kind of domain refusal: 2, like a UserError, for a request the person can correct or
 * retry (an outage of Firestore is also a UserError with code 2).
 */
const EXIT_CODE: Record<RefusalKind, number> = {
  malformed: 2,
  invalid: 2,
  "not-found": 2,
  conflict: 2,
  forbidden: 2,
  unavailable: 2,
};

/** Runs a command, turning every failure into a French sentence on stderr and an exit code. */
export async function guarded(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    // Loaded on failure only: a command that never touches the shared core starts without it.
    const { Refusal } = await import("@barometre/shared");
    if (error instanceof Refusal) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_CODE[error.kind];
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Erreur inattendue : ${detail}. Merci de la signaler à l'Union.\n`);
    return 2;
  }
}
