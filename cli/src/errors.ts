// Errors the user can act on: one French sentence, never a stack trace, and the exit code to return.

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

/** Runs a command, turning every failure into a French sentence on stderr and an exit code. */
export async function guarded(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof UserError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Erreur inattendue : ${detail}. Merci de la signaler à l'Union.\n`);
    return 2;
  }
}
