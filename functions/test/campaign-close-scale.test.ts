// Campaign close on 2,800 generated structures: one final benchmark, 2,800 report mails and the Union's summary,
// none twice, with the fan-out killed half-way and resumed by the hourly upkeep.
//
// The reports here are rendered as their plain text only (the real document, laid out): the full rendering
// (charts, PDF) costs about 0.2 s of CPU per report, and is checked end to end on 35 structures in
// campaign-close.test.ts. What this file checks is the fan-out at scale.

import {
  computeIndicators,
  fragileKeys,
  generateNetwork,
  NUMERIC_INDICATOR_KEYS,
  networkSummaryLayout,
  reportLayout,
} from "@barometre/shared";
import { localWork } from "@barometre/stack";
import { useEmulator } from "@barometre/testing/emulator";
import { registerStructures, seedLatest, storedRevision } from "@barometre/testing/network";
import { CALM_SMTP, movableClock, startSenderRig } from "@barometre/testing/outbox";
import type { Firestore } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { closeAndReport, RESUME_AFTER_MS } from "../src/close/close-campaign.ts";
import { getFinalBenchmark } from "../src/close/final-benchmark.ts";
import { upkeep } from "../src/close/upkeep.ts";
import type { OutboxMail } from "../src/mail/outbox.ts";
import { RETRY_POLICY } from "../src/mail/sender.ts";
import { sweepOutbox } from "../src/mail/sweep.ts";
import { plainText } from "../src/report/text.ts";
import type { ReportRenderer } from "../src/runtime/renderer.ts";
import { openCampaign } from "../src/storage/campaigns.ts";
import { mailCol } from "../src/storage/paths.ts";
import { plainStats } from "./support/independent-stats.ts";

const SIZE = 2800;
const network = generateNetwork({ size: SIZE, seed: 2800 });
const year = network.year;
const firestore = useEmulator("scale");
let db: Firestore;

const textOnly = (rendered: { count: number }): ReportRenderer => ({
  report: async (doc) => {
    rendered.count++;
    return { subject: doc.subject, text: plainText(reportLayout(doc)), html: "", attachments: [] };
  },
  summary: async (doc) => ({
    subject: doc.subject,
    text: plainText(networkSummaryLayout(doc)),
    html: "",
    attachments: [],
  }),
});

const logger = { error: () => {} };

// Generous time limits: this file does 2,800 of everything, and CI runs it on 2 shared cores.
beforeAll(async () => {
  db = firestore().db;
  await openCampaign(db, year, {}, "union@pimms.example", new Date());
  // Reports go only to addresses the directory holds: every structure is registered, as submitting requires.
  await registerStructures(db, network.structures);
  // The current campaign only: N-1 is checked on 35 structures in campaign-close.test.ts.
  await seedLatest(
    db,
    network.structures.map((s) => storedRevision(s.current)),
  );
}, 300_000);

describe("campaign close at 2,800 structures", () => {
  it("fans the reports out, survives a kill half-way, and sends each structure its report once", async () => {
    const clock = movableClock();
    const rendered = { count: 0 };
    const first = localWork({ db, clock: clock.now, logger, renderer: textOnly(rendered) });
    const original = first.deps.renderer.report;
    first.deps.renderer = {
      ...first.deps.renderer,
      report: async (doc) => {
        // The "crash": the whole queue dies while its batches are half done.
        if (rendered.count === SIZE / 2) first.queues.kill();
        return original(doc);
      },
    };
    const outcome = await closeAndReport(first.deps, year, "union@pimms.example");
    const fragile = network.structures.filter(
      (s) => fragileKeys(computeIndicators(s.current)).length > 0,
    ).length;
    // One follow-up record per structure in the red band, opened once.
    expect(outcome).toMatchObject({
      year,
      structures: SIZE,
      followups: { opened: fragile, reviewed: [] },
    });
    // At most 50 structures per batch, fewer when their positionings (verdicts, trajectories, size groups) pass a
    // batch document's 800 ko.
    expect(outcome.batches).toBeGreaterThanOrEqual(SIZE / 50);
    expect(outcome.batches).toBeLessThanOrEqual(SIZE / 25);
    await first.queues.idle();
    const reports = () => mailCol(db).where("kind", "==", "report").count().get();
    const half = (await reports()).data().count;
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(SIZE);

    // Too early: the upkeep leaves a recent fan-out alone.
    const second = localWork({ db, clock: clock.now, logger, renderer: textOnly(rendered) });
    expect(await upkeep(second.deps)).toMatchObject({ resumed: [] });
    clock.advance(RESUME_AFTER_MS);
    expect(await upkeep(second.deps)).toMatchObject({ closed: [], resumed: [year] });
    await second.queues.idle();
    expect((await reports()).data().count).toBe(SIZE);
    // Rendered again: only what was not queued before the kill, plus at most the reports caught mid-flight.
    expect(rendered.count - SIZE).toBeLessThanOrEqual(2);
    expect(await upkeep(second.deps)).toMatchObject({ resumed: [] });

    const rig = await startSenderRig(db, RETRY_POLICY, CALM_SMTP);
    try {
      rig.clock.advance(RESUME_AFTER_MS * 2);
      for (let k = 0; k < 20; k++) {
        const counts = await sweepOutbox(rig.deps, { limit: 500, concurrency: 8 });
        if (Object.keys(counts).length === 0) break;
      }
      const received = rig.sink.received;
      expect(received).toHaveLength(SIZE + 1);
      expect(new Set(received.map((m) => m.messageId)).size).toBe(SIZE + 1);
      const byRecipient = new Map<string, number>();
      for (const m of received)
        for (const to of m.to) byRecipient.set(to, (byRecipient.get(to) ?? 0) + 1);
      for (const s of network.structures)
        expect(byRecipient.get(s.current.identification.directorEmail as string), s.code).toBe(1);
      expect(byRecipient.get("union@pimms.example")).toBe(1);
      const one = received.find(
        (m) => m.messageId === `<report-${year}-${network.structures[0]?.code}@pimms.example>`,
      );
      expect(one?.raw.toString("utf8")).toContain(network.structures[0]?.name);
      const states = await mailCol(db).get();
      expect(states.docs.every((d) => (d.data() as OutboxMail).delivery.state === "SUCCESS")).toBe(
        true,
      );
    } finally {
      await rig.close();
    }
  }, 300_000);

  it("stored network statistics equal to an independent computation over the 2,800 returns", async () => {
    const head = await getFinalBenchmark(db, year);
    const indicators = network.structures.map((s) => computeIndicators(s.current));
    for (const key of NUMERIC_INDICATOR_KEYS) {
      const values = indicators
        .map((i) => i[key].value)
        .filter((v): v is number => typeof v === "number");
      const expected = plainStats(values);
      const stored = head?.network[key] as unknown as Record<string, number>;
      for (const [stat, value] of Object.entries(expected))
        expect(stored[stat], `${key} ${stat}`).toBeCloseTo(value, 9);
    }
  });
});
