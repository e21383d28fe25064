// Asks for a sync of the Union's sheet, debounced: every request of a 30-second window shares one named task.
import type { WorkDeps } from "../runtime/deps.ts";
import { enqueueQuietly } from "../runtime/tasks.ts";

/** A sync runs at most this often per campaign while revisions arrive (the Sheets API allows 60 writes a minute). */
export const SYNC_WINDOW_MS = 30_000;

export async function requestSheetSync(
  deps: Pick<WorkDeps, "config" | "clock" | "tasks" | "logger">,
  year: number,
): Promise<void> {
  if (!deps.config.unionSheetId) return;
  const now = deps.clock().getTime();
  const window = Math.floor(now / SYNC_WINDOW_MS);
  // Run just after the window ends, so it sees every revision of the window.
  const delay = Math.ceil(((window + 1) * SYNC_WINDOW_MS - now) / 1000) + 2;
  await enqueueQuietly(
    deps.tasks.sheetSync,
    { year },
    { id: `sheet-${year}-${window}`, scheduleDelaySeconds: delay },
    deps.logger,
  );
}
