// submit.p50Ms / submit.p95Ms: real HTTP submitReturn calls with real tokens on the local stack, 2,800 returns already stored.
import { openCampaign, revisionId, revisionsCol, saveStructure } from "@barometre/functions/admin";
import { type DemoStructure, generateNetwork } from "@barometre/shared";
import { seedLatest, storedRevision } from "@barometre/testing/network";
import { ADMIN, ATTESTATION, startTestStack, type TestStack } from "@barometre/testing/stack";
import type { Measured } from "../figure.ts";
import { percentile, round } from "../support/sample-stats.ts";
import { formatFigure } from "../support/table.ts";

const SIZE = 2_800;
const WARMUP = 3;
const SUBMISSIONS = 40;

/** One structure an hour from mid-January of the following year, as returns arrive over a campaign. */
const arrival = (exercice: number, i: number) =>
  new Date(Date.UTC(exercice + 1, 0, 15) + i * 3_600_000);

/** Stores every structure's return and N-1 as their campaigns' latest revisions, and opens the campaign. */
async function seed(stack: TestStack, structures: readonly DemoStructure[], year: number) {
  await openCampaign(stack.db, year, {}, ADMIN, new Date());
  await seedLatest(stack.db, [
    ...structures.map((s, i) => storedRevision(s.current, { at: arrival(year, i) })),
    ...structures.flatMap((s, i) =>
      s.previous ? [storedRevision(s.previous, { at: arrival(year - 1, i) })] : [],
    ),
  ]);
}

/** A director sending a corrected return: a new revision, answered with indicators and positioning. */
async function submit(stack: TestStack, s: DemoStructure, token: string, attempt: number) {
  const ret = structuredClone(s.current);
  ret.activity.visitors = (ret.activity.visitors ?? 0) + 1;
  const start = performance.now();
  const res = await stack.call("submitReturn", {
    token,
    body: { return: ret, idempotencyKey: `bench-${s.code}-${attempt}`, attestation: ATTESTATION },
  });
  const body = await res.json();
  const ms = performance.now() - start;
  if (res.status !== 200 || body.revision !== 2)
    throw new Error(
      `submitReturn devait enregistrer la révision 2 de ${s.code} : ${res.status} ${JSON.stringify(body).slice(0, 200)}`,
    );
  return { ms, positioned: body.positioning !== null && body.positioning !== undefined };
}

export async function run(): Promise<Measured[]> {
  const stack = await startTestStack();
  try {
    const network = generateNetwork({ size: SIZE, seed: 95 });
    const seedStart = performance.now();
    await seed(stack, network.structures, network.year);
    const seedMs = performance.now() - seedStart;
    const step = Math.floor(SIZE / (WARMUP + SUBMISSIONS));
    const senders = Array.from(
      { length: WARMUP + SUBMISSIONS },
      (_, i) => network.structures[i * step] as DemoStructure,
    );
    const tokens: string[] = [];
    for (const s of senders) {
      // Their stored revision 1, so each submission below is their revision 2, as in a real campaign.
      const first = storedRevision(s.current, {
        at: arrival(network.year, network.structures.indexOf(s)),
      });
      await revisionsCol(stack.db, network.year, s.code).doc(revisionId(1)).create(first);
      const email = s.current.identification.directorEmail as string;
      await saveStructure(
        stack.db,
        { code: s.code, name: s.name, territory: s.territory, emails: [email] },
        new Date(),
      );
      tokens.push(await stack.token(email));
    }
    const answers = [];
    for (const [i, s] of senders.entries())
      answers.push(await submit(stack, s, tokens[i] as string, i));
    const timed = answers.slice(WARMUP);
    const ms = timed.map((a) => a.ms);
    const positioned = answers.filter((a) => a.positioned).length;
    const inputs = {
      storedReturns: SIZE,
      storedPreviousReturns: network.structures.filter((s) => s.previous).length,
      submissions: SUBMISSIONS,
      warmupMs: answers.slice(0, WARMUP).map((a) => round(a.ms, 1)),
      maxMs: round(Math.max(...ms), 1),
      answersWithPositioning: positioned,
      seedMs: round(seedMs, 0),
      // What the handlers logged as failures meanwhile (none expected).
      failuresLogged: stack.logged.slice(0, 3),
      stack: "émulateur Firestore en processus, jetons RS256 signés, express sur 127.0.0.1",
    };
    const cold = `Hors les ${WARMUP} premières soumissions (la première, qui charge les populations N et N-1 : ${formatFigure(answers[0]?.ms ?? 0, "ms")}).`;
    const note =
      positioned === answers.length
        ? cold
        : `${cold} ${answers.length - positioned} réponses sans positionnement : la latence ne compte pas encore son calcul.`;
    return [
      { key: "submit.p50Ms", value: round(percentile(ms, 0.5), 1), inputs, note },
      { key: "submit.p95Ms", value: round(percentile(ms, 0.95), 1), inputs, note },
    ];
  } finally {
    await stack.close();
  }
}
