// The Union's network summary at campaign close, rendered and queued once (mail summary-<year>).
import { buildNetworkSummary, indexPopulation } from "@barometre/shared";
import { queueMail } from "../mail/outbox.ts";
import { memberOfRevision } from "../positioning/population-cache.ts";
import type { WorkDeps } from "../runtime/deps.ts";
import { mailDoc } from "../storage/paths.ts";
import { listLatest } from "../storage/revisions.ts";
import { allFinalMembers, type ComputedBenchmark, type FinalBenchmark } from "./final-benchmark.ts";
import { queueRecipientNotice } from "./recipient-notice.ts";

export const summaryMailId = (year: number): string => `summary-${year}`;

/** The previous campaign's population, read again when the close that computed it is not the caller. */
async function previousPopulation(deps: WorkDeps, head: FinalBenchmark) {
  const before = await listLatest(deps.db, head.year - 1);
  return before.length ? indexPopulation(before.map(memberOfRevision), head.minGroupSize) : null;
}

/**
 * Queues the summary, and before it the notice of report recipients, unless the summary is queued already (a
 * retry after a crash between the two finds the notice queued); `computed` saves reading back what the close
 * just computed.
 */
export async function queueNetworkSummary(
  deps: WorkDeps,
  head: FinalBenchmark,
  computed: ComputedBenchmark | null,
): Promise<void> {
  const id = summaryMailId(head.year);
  if ((await mailDoc(deps.db, id).get()).exists) return;
  const [structures, previous] = computed
    ? [computed.members, computed.previous]
    : await Promise.all([allFinalMembers(deps.db, head.year), previousPopulation(deps, head)]);
  await queueRecipientNotice(deps, head.year, structures);
  const doc = buildNetworkSummary({
    campaign: { year: head.year, minGroupSize: head.minGroupSize, bands: head.bands },
    structures: structures.map((m) => ({
      code: m.code,
      name: m.name,
      territory: m.territory,
      indicators: m.indicators,
      ...(m.positioning.peers ? { peers: m.positioning.peers } : {}),
    })),
    previousPopulation: previous,
  });
  const mail = await deps.renderer.summary(doc);
  await queueMail(
    deps.db,
    id,
    {
      to: deps.config.mail.union,
      message: mail,
      kind: "summary",
      campaignYear: head.year,
      structureCode: null,
    },
    deps.config.mail.from,
    deps.clock(),
  );
}
