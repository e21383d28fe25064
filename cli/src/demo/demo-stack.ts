// The local stack as npm start runs it: the output folders emptied of an earlier run's files, the mails written
// there as .eml, and each report kept there as it is rendered, or (--serve) as it is queued, whoever renders it.
import { mkdir } from "node:fs/promises";
import { lazyRenderer } from "@barometre/functions/admin";
import { UserError } from "../errors.ts";
import { type LocalStack, startLocalStack } from "./local-stack.ts";
import { clearPreviousRun, type OutDirs, outDirs } from "./out-dir.ts";
import type { Progress } from "./progress.ts";
import { archiveQueued, archivingRenderer } from "./report-archive.ts";

export interface DemoStack {
  stack: LocalStack;
  dirs: OutDirs;
  /** Structure reports written to the reports folder so far. */
  reports(): number;
}

export async function startDemoStack(options: {
  out: string;
  /** The functions' port; 0 for any free one. */
  port: number;
  progress: Progress;
  onIncident(message: string): void;
  /**
   * Where the reports are copied from: as the stack renders them (npm start, which closes through the stack), or
   * as they are queued in the outbox (--serve, where the Union may close with `barometre campaign close`, which
   * renders in its own process).
   */
  archive: "rendered" | "queued";
}): Promise<DemoStack> {
  const dirs = outDirs(options.out);
  await clearPreviousRun(dirs);
  for (const dir of [dirs.workbooks, dirs.reports, dirs.mail, dirs.union])
    await mkdir(dir, { recursive: true });
  const archiveDirs = { reportsDir: dirs.reports, summaryDir: dirs.union };
  const renderer =
    options.archive === "rendered" ? archivingRenderer(lazyRenderer, archiveDirs) : null;
  options.progress.step("Démarrage de la pile locale : Firestore, fonctions, serveur SMTP");
  try {
    const stack = await startLocalStack({
      port: options.port,
      mailDir: dirs.mail,
      renderer: renderer ?? lazyRenderer,
      onIncident: options.onIncident,
    });
    if (renderer) return { stack, dirs, reports: renderer.reports };
    const queued = archiveQueued(stack.db, stack.mailWrites, archiveDirs, options.onIncident);
    return {
      stack: {
        ...stack,
        settled: async () => {
          await stack.settled();
          await queued.settled();
        },
        close: async () => {
          await queued.stop();
          await stack.close();
        },
      },
      dirs,
      reports: queued.reports,
    };
  } catch (error) {
    if ((error as { code?: string }).code === "EADDRINUSE")
      throw new UserError(
        `Le port ${options.port} de 127.0.0.1 est déjà utilisé : choisissez-en un autre avec --port N (0 pour un port libre).`,
      );
    throw error;
  }
}
