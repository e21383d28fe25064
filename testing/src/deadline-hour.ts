// The last hour before a campaign's deadline on the local stack: every structure submits through real HTTP with its
// own signed token, some twice or three times, some retrying a request or double-clicking, with at most `concurrency`
// requests in flight; then everything stored is checked against what was sent. Shared by the load test and the bench.
//
// The hour is simulated: the server's clock stands at the share of the hour's requests already sent, so the requests
// are spread evenly over the hour (as the population cache's margins and lifetimes see them) however fast the machine
// sends them, and none arrives after the deadline.
import { eachLimited, openCampaign } from "@barometre/functions/admin";
import {
  ascending,
  type DemoStructure,
  generateNetwork,
  type PimmsReturn,
  quantileSorted,
  type SubmitRequest,
} from "@barometre/shared";
import { registerStructures, seedLatest, storedRevision } from "./network.ts";
import { ADMIN, ATTESTATION, type Reply, startTestStack, type TestStack } from "./stack.ts";
import { storedData } from "./stored-documents.ts";

export interface DeadlineHourOptions {
  structures: number;
  /** Requests in flight at once: the clients sending at the same time. */
  concurrency: number;
  seed?: number;
}

/** One request as sent and answered. */
export interface Sent {
  code: string;
  key: string;
  /** Which of the structure's contents it carried: 0 for its first return, 1 and 2 for corrections. */
  version: number;
  status: number;
  body: Reply;
  ms: number;
}

export interface DeadlineHour {
  year: number;
  structures: number;
  concurrency: number;
  sent: Sent[];
  /** Milliseconds from the first request to the last answer. */
  wallMs: number;
  /** What is wrong with what was stored and answered; empty when nothing was lost. */
  problems: string[];
}

const DEADLINE = "2019-06-30";
/** 23:00 in Paris on the deadline day (summer time): the last hour returns are accepted. */
const HOUR_START = Date.parse("2019-06-30T21:00:00Z");
const HOUR_MS = 3_600_000;

/** What a structure does in the hour, from its index: corrections, a retry, a double click. */
function plan(i: number): { versions: number; retry: boolean; doubleClick: boolean } {
  return {
    versions: i % 10 === 3 ? 3 : i % 3 === 1 ? 2 : 1,
    retry: i % 7 === 2,
    doubleClick: i % 11 === 5,
  };
}

/** The content of a structure's submission number `version`: each correction changes one figure. */
function content(s: DemoStructure, version: number): PimmsReturn {
  const ret = structuredClone(s.current);
  ret.activity.visitors = (ret.activity.visitors ?? 0) + version;
  return ret;
}

/** The simulated clock: moved forward by each request sent. */
class HourClock {
  private sent = 0;
  constructor(private readonly requests: number) {}
  now = (): Date => new Date(HOUR_START + Math.min(this.sent / this.requests, 1) * (HOUR_MS - 1));
  tick(): void {
    this.sent++;
  }
}

async function submit(
  stack: TestStack,
  clock: HourClock,
  token: string,
  s: DemoStructure,
  version: number,
): Promise<Sent> {
  const key = `${s.code}-${version}-deadline`;
  clock.tick();
  const start = performance.now();
  const request: SubmitRequest = {
    return: content(s, version),
    idempotencyKey: key,
    attestation: ATTESTATION,
  };
  const res = await stack.call("submitReturn", { token, body: request });
  const body = await res.json();
  return { code: s.code, key, version, status: res.status, body, ms: performance.now() - start };
}

/** Everything wrong with the answers and the stored documents, compared with what was sent. */
function check(
  stack: TestStack,
  year: number,
  structures: readonly DemoStructure[],
  sent: Sent[],
): string[] {
  const problems: string[] = [];
  const docs = storedData(stack.emulator);
  const base = `campaigns/${year}`;
  for (const r of sent.filter((x) => x.status !== 200))
    problems.push(`${r.key}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  for (const s of structures) {
    const mine = sent.filter((r) => r.code === s.code);
    const keys = [...new Set(mine.map((r) => r.key))];
    const revisions = [...docs]
      .filter(([path]) => path.startsWith(`${base}/structures/${s.code}/revisions/`))
      .map(([, data]) => data)
      .sort((a, b) => (a.number as number) - (b.number as number));
    const stored = revisions.map((r) => `${r.number}:${r.idempotencyKey}`);
    const expected = keys.map((key, i) => `${i + 1}:${key}`);
    if (stored.join() !== expected.join())
      problems.push(`${s.code}: revisions ${stored} ≠ ${expected}`);
    revisions.forEach((r, i) => {
      const visitors = (r.payload as PimmsReturn).activity.visitors;
      if (visitors !== content(s, i).activity.visitors)
        problems.push(`${s.code}: revision ${i + 1} holds other data`);
    });
    for (const key of keys) {
      const answers = mine.filter((r) => r.key === key).map((r) => r.body);
      const first = answers.filter((a) => a.duplicate === false);
      const { duplicate: _, ...reference } = answers[0] ?? {};
      if (first.length !== 1)
        problems.push(`${key}: ${first.length} answers not flagged duplicate`);
      if (
        answers.some(
          ({ duplicate: _d, ...rest }) => JSON.stringify(rest) !== JSON.stringify(reference),
        )
      )
        problems.push(`${key}: answers differ`);
      if (reference.revision !== keys.indexOf(key) + 1)
        problems.push(`${key}: answered revision ${reference.revision}`);
    }
    const latest = docs.get(`${base}/latest/${s.code}`)?.number;
    if (latest !== keys.length) problems.push(`${s.code}: latest copy is revision ${latest}`);
    const answered = [...docs.keys()].filter((p) =>
      p.startsWith(`${base}/structures/${s.code}/answers/`),
    );
    if (answered.length !== keys.length)
      problems.push(`${s.code}: ${answered.length} answers stored`);
    keys.forEach((_, i) => {
      if (!docs.has(`mail/revision-${year}-${s.code}-${String(i + 1).padStart(6, "0")}`))
        problems.push(`${s.code}: no notice of revision ${i + 1}`);
    });
  }
  return problems;
}

/** Runs the hour on a fresh local stack, checks it, and stops the stack. */
export async function runDeadlineHour(options: DeadlineHourOptions): Promise<DeadlineHour> {
  const network = generateNetwork({ size: options.structures + 1, seed: options.seed ?? 2019 });
  const [warmUp, ...structures] = network.structures as [DemoStructure, ...DemoStructure[]];
  const year = network.year;
  const requests = structures.reduce((n, _, i) => {
    const p = plan(i);
    return n + p.versions + (p.retry ? 1 : 0) + (p.doubleClick ? 1 : 0);
  }, 0);
  const clock = new HourClock(requests);
  const stack = await startTestStack({ clock: clock.now });
  try {
    await registerStructures(stack.db, network.structures);
    await openCampaign(stack.db, year, { deadline: DEADLINE }, ADMIN, new Date(HOUR_START));
    await seedLatest(
      stack.db,
      network.structures.flatMap((s) => (s.previous ? [storedRevision(s.previous)] : [])),
    );
    const tokens = new Map<string, string>();
    for (const s of network.structures)
      tokens.set(s.code, await stack.token(s.current.identification.directorEmail as string));
    // The first submission loads the populations N and N-1 into the cache: not part of the rush.
    await submit(stack, clock, tokens.get(warmUp.code) as string, warmUp, 0);

    const start = performance.now();
    const rounds = await eachLimited(structures, options.concurrency, async (s, i) => {
      const token = tokens.get(s.code) as string;
      const { versions, retry, doubleClick } = plan(i);
      const sent: Sent[] = [];
      for (let version = 0; version < versions; version++) {
        if (doubleClick && version === 0)
          sent.push(
            ...(await Promise.all([
              submit(stack, clock, token, s, 0),
              submit(stack, clock, token, s, 0),
            ])),
          );
        else sent.push(await submit(stack, clock, token, s, version));
        if (retry && version === versions - 1)
          sent.push(await submit(stack, clock, token, s, version));
      }
      return sent;
    });
    const wallMs = performance.now() - start;
    await stack.server.queues.idle();
    const sent = rounds.flat();
    return {
      year,
      structures: structures.length,
      concurrency: options.concurrency,
      sent,
      wallMs,
      problems: check(stack, year, structures, sent),
    };
  } finally {
    await stack.close();
  }
}

/** What the hour measured: its size, the latency every request saw (type-7 quantiles), the throughput. */
export function hourFigures(hour: DeadlineHour) {
  const ms = ascending(hour.sent.map((r) => r.ms));
  return {
    structures: hour.structures,
    concurrency: hour.concurrency,
    requests: hour.sent.length,
    problems: hour.problems.length,
    p50Ms: quantileSorted(ms, 0.5),
    p95Ms: quantileSorted(ms, 0.95),
    maxMs: ms.at(-1) ?? 0,
    requestsPerSecond: hour.sent.length / (hour.wallMs / 1000),
  };
}
