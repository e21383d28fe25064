// Runs one measurement in a fresh Node process (bench/child.ts) and collects the figures it sends back.
import { fork } from "node:child_process";
import { join } from "node:path";
import type { Measured } from "../figure.ts";

export type MeasureReply = { measured: Measured[] } | { error: string };

const CHILD = join(import.meta.dirname, "../child.ts");

/** A Node process running the TypeScript file `path` (through tsx), its output shared, with a message channel. */
export const forkTypeScript = (path: string, args: readonly string[]) =>
  fork(path, args, {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });

/** The reply of MEASURES[index] measured in its own process; a process that dies without one is an error. */
export function measureInFreshProcess(index: number): Promise<MeasureReply> {
  return new Promise((resolve) => {
    const child = forkTypeScript(CHILD, [String(index)]);
    let reply: MeasureReply | null = null;
    child.on("message", (m) => {
      reply = m as MeasureReply;
    });
    child.on("error", (error) => resolve({ error: error.message }));
    child.on("exit", (code, signal) =>
      resolve(
        reply ?? { error: `le processus de mesure s'est arrêté (${signal ?? `code ${code}`})` },
      ),
    );
  });
}
