// npm start: the whole product on the demo network in one process, from legacy workbooks to the reports in the
// directors' mailboxes and the Union's export, then everything stopped so the process ends on its own.
import { writeFile } from "node:fs/promises";
import type { CloseOutcome } from "@barometre/shared";
import { UserError } from "../errors.ts";
import { startDemoStack } from "./demo-stack.ts";
import { runDialogue } from "./dialogue.ts";
import type { LocalStack } from "./local-stack.ts";
import { tallyMail } from "./mail-tally.ts";
import { campaignCsvPath, type OutDirs } from "./out-dir.ts";
import { Progress } from "./progress.ts";
import { callOk, type DemoSetup, SETUP_STEPS, setUpCampaign, UNION_ADMIN } from "./setup.ts";
import { runSummary } from "./summary.ts";

/** Start, the set-up's steps, the review dialogue, close, export. */
const STEPS = 1 + SETUP_STEPS + 3;

/** Closes the campaign as the Union admin, following the reports and their mails until all are delivered. */
async function closeCampaign(
  stack: LocalStack,
  setup: DemoSetup,
  reports: () => number,
  progress: Progress,
): Promise<CloseOutcome> {
  // The revision notices are delivered first, so what the sink receives from here on is the close's.
  await stack.settled();
  const before = stack.sink.received.length;
  const structures = setup.submitted.length;
  progress.step("Clôture : rapports rendus et courriels envoyés", 2 * structures + 1);
  const follow = setInterval(
    () => progress.set(reports() + stack.sink.received.length - before),
    100,
  );
  try {
    const closed = await callOk(
      stack,
      "manageCampaign",
      `Clôture de la campagne ${setup.network.year}`,
      {
        token: await stack.token(UNION_ADMIN),
        body: { action: "close", year: setup.network.year },
      },
    );
    await stack.settled();
    if (!closed.reports)
      throw new UserError(`Clôture de la campagne ${setup.network.year} : aucun rapport annoncé.`);
    return closed.reports;
  } finally {
    clearInterval(follow);
  }
}

async function exportCsv(stack: LocalStack, dirs: OutDirs, year: number): Promise<void> {
  const res = await stack.call("campaignExport", {
    token: await stack.token(UNION_ADMIN),
    query: { year: String(year), format: "csv" },
  });
  if (!res.ok)
    throw new UserError(`Export de la campagne ${year} : la fonction a répondu ${res.status}.`);
  await writeFile(campaignCsvPath(dirs, year), Buffer.from(await res.arrayBuffer()));
}

export async function runMainJob(out: string): Promise<number> {
  const started = performance.now();
  const progress = new Progress(process.stderr, STEPS);
  const incidents: string[] = [];
  const { stack, dirs, reports } = await startDemoStack({
    out,
    port: 0,
    progress,
    onIncident: (message) => incidents.push(message),
    archive: "rendered",
  });
  let summary: string;
  try {
    const setup = await setUpCampaign(stack, dirs, progress);
    const dialogue = await runDialogue(stack, setup.submitted, progress);
    const closed = await closeCampaign(stack, setup, reports, progress);
    progress.step(`Export de la campagne ${setup.network.year} pour l'Union`);
    await exportCsv(stack, dirs, setup.network.year);
    const mail = await tallyMail(stack.db);
    incidents.push(...mail.undelivered);
    summary = runSummary({
      year: setup.network.year,
      submitted: setup.submitted,
      dirs,
      mail,
      dialogue,
      followups: closed.followups.opened,
      seconds: (performance.now() - started) / 1000,
    });
  } finally {
    progress.finish();
    await stack.close();
  }
  process.stdout.write(`${summary}\n`);
  if (incidents.length === 0) return 0;
  process.stderr.write(
    `Incidents pendant l'exécution :\n${incidents.map((i) => `- ${i}`).join("\n")}\n`,
  );
  return 1;
}
