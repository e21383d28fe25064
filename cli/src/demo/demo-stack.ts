// The local stack as npm start runs it: the output folders emptied of an earlier run's files, the mails written
// there as .eml, and each report kept there as it is rendered.
import { mkdir } from "node:fs/promises";
import { lazyRenderer } from "@barometre/functions/admin";
import { UserError } from "../errors.ts";
import { type LocalStack, startLocalStack } from "./local-stack.ts";
import { clearPreviousRun, type OutDirs, outDirs } from "./out-dir.ts";
import type { Progress } from "./progress.ts";
import { type ArchivingRenderer, archivingRenderer } from "./report-archive.ts";

export interface DemoStack {
  stack: LocalStack;
  dirs: OutDirs;
  renderer: ArchivingRenderer;
}

export async function startDemoStack(options: {
  out: string;
  /** The functions' port; 0 for any free one. */
  port: number;
  progress: Progress;
  onIncident(message: string): void;
}): Promise<DemoStack> {
  const dirs = outDirs(options.out);
  await clearPreviousRun(dirs);
  for (const dir of [dirs.workbooks, dirs.reports, dirs.mail, dirs.union])
    await mkdir(dir, { recursive: true });
  const renderer = archivingRenderer(lazyRenderer, {
    reportsDir: dirs.reports,
    summaryDir: dirs.union,
  });
  options.progress.step("Démarrage de la pile locale : Firestore, fonctions, serveur SMTP");
  try {
    const stack = await startLocalStack({
      port: options.port,
      mailDir: dirs.mail,
      renderer,
      onIncident: options.onIncident,
    });
    return { stack, dirs, renderer };
  } catch (error) {
    if ((error as { code?: string }).code === "EADDRINUSE")
      throw new UserError(
        `Le port ${options.port} de 127.0.0.1 est déjà utilisé : choisissez-en un autre avec --port N (0 pour un port libre).`,
      );
    throw error;
  }
}
