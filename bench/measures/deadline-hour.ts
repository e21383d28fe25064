// submit.deadlineHour*: the last hour before the deadline with all 2,800 structures submitting over real HTTP, 16 at a
// time, on the local stack; what was lost or answered wrongly, and the latency each director saw.
import { hourFigures, runDeadlineHour } from "@barometre/testing/deadline-hour";
import type { Measured } from "../figure.ts";
import { round } from "../support/sample-stats.ts";

const STRUCTURES = 2_800;
const CONCURRENCY = 16;

export async function run(): Promise<Measured[]> {
  const hour = await runDeadlineHour({ structures: STRUCTURES, concurrency: CONCURRENCY });
  const figures = hourFigures(hour);
  const inputs = {
    ...figures,
    p50Ms: round(figures.p50Ms, 1),
    p95Ms: round(figures.p95Ms, 1),
    maxMs: round(figures.maxMs, 1),
    requestsPerSecond: round(figures.requestsPerSecond, 1),
    problems: hour.problems.slice(0, 5),
    stack:
      "émulateur Firestore dans le même processus que les fonctions, jetons RS256 signés, express sur 127.0.0.1",
  };
  const note = `${figures.requests} requêtes (envois, corrections, renvois et doubles clics) de ${STRUCTURES} structures, ${CONCURRENCY} à la fois ; horloge du serveur simulée sur la dernière heure avant la date limite.`;
  return [
    { key: "submit.deadlineHourProblems", value: hour.problems.length, inputs, note },
    { key: "submit.deadlineHourP50Ms", value: inputs.p50Ms, inputs, note },
    { key: "submit.deadlineHourP95Ms", value: inputs.p95Ms, inputs, note },
  ];
}
