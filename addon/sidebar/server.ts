// google.script.run as promises: each server function answers data or a French sentence, never throws.
import type { Answer } from "../src/panel-types.ts";

interface Runner {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: Error) => void): Runner;
  [serverFunction: string]: unknown;
}

declare const google: { script: { run: Runner } };

const TRANSPORT_FAILURE =
  "La liaison avec le classeur a été interrompue avant la réponse. Vos données sont intactes : réessayez.";

/** Calls a server function of the add-on (a top-level function of Code.js). */
export function call<T>(name: string, ...args: unknown[]): Promise<Answer<T>> {
  return new Promise((resolve) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Answer<T>))
      .withFailureHandler(() => resolve({ ok: false, message: TRANSPORT_FAILURE }));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
