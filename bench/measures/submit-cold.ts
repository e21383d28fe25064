// submit.coldFirst*: the first submission a new instance answers (empty population cache), with 2,800 and 28,000
// structures stored (N and N-1), over real HTTP on the local stack: its latency and the Firestore reads it costs.

import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { compactSnapshot, getCampaign, revisionId, revisionsCol } from "@barometre/functions/admin";
import { type DemoStructure, formatNumber } from "@barometre/shared";
import { callFunction, type FirestoreOperations, operationsSince } from "@barometre/stack";
import { registerStructures, storedRevision } from "@barometre/testing/network";
import { ATTESTATION, AUDIENCE, startTestStack, type TestStack } from "@barometre/testing/stack";
import type { Measured } from "../figure.ts";
import { forkTypeScript } from "../support/measure-process.ts";
import type { NewInstanceConfig } from "../support/new-instance.ts";
import { median, round } from "../support/sample-stats.ts";
import { arrival, storeNetwork } from "../support/stored-network.ts";

const SMALL = 2_800;
const LARGE = 28_000;
/** New instances per network size: the figure is their median. */
const INSTANCES = 5;

interface Cold {
  ms: number;
  operations: FirestoreOperations;
}

// The emulator, a stand-in for Firestore, lives in this process with the seeding's garbage: collected before each new
// instance starts, so that a full collection of this heap (1.4 s at 28,000 structures) does not land on a request,
// as Firestore's own pauses never do. The instance's heap, in its own process, is not touched.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const NEW_INSTANCE = join(import.meta.dirname, "../support/new-instance.ts");

/**
 * A new instance in a process of its own, as Cloud Functions starts one: its heap holds only what it loads, not the
 * emulator's documents nor the seeding, whose garbage collections would otherwise grow with the network stored.
 */
function startNewInstance(stack: TestStack): Promise<{ url: string; child: ChildProcess }> {
  const config: NewInstanceConfig = {
    emulatorHost: stack.emulator.host,
    projectId: stack.emulator.projectId,
    audience: AUDIENCE,
    issuer: { kid: stack.auth.kid, certs: stack.auth.certs },
  };
  const child = forkTypeScript(NEW_INSTANCE, [JSON.stringify(config)]);
  return new Promise((resolve, reject) => {
    child.once("message", (m) => resolve({ url: (m as { url: string }).url, child }));
    child.once("exit", (code) =>
      reject(new Error(`l'instance neuve s'est arrêtée avant d'écouter (code ${code})`)),
    );
  });
}

const stopInstance = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.send("stop");
  });

/** A new instance (its own process, so an empty population cache) answers one director's correction. */
async function coldFirst(stack: TestStack, s: DemoStructure, year: number): Promise<Cold> {
  await revisionsCol(stack.db, year, s.code)
    .doc(revisionId(1))
    .create(storedRevision(s.current, { at: arrival(year, 0) }));
  const token = await stack.token(s.current.identification.directorEmail as string);
  const instance = await startNewInstance(stack);
  try {
    const ret = structuredClone(s.current);
    ret.activity.visitors = (ret.activity.visitors ?? 0) + 1;
    const before = { ...stack.emulator.operations };
    const start = performance.now();
    const res = await callFunction(instance.url, "submitReturn", {
      token,
      body: { return: ret, idempotencyKey: `cold-${s.code}`, attestation: ATTESTATION },
    });
    const body = (await res.json()) as { revision?: number; positioning?: { networkSize: number } };
    const ms = performance.now() - start;
    if (res.status !== 200 || body.revision !== 2 || !body.positioning)
      throw new Error(
        `submitReturn devait enregistrer et positionner la révision 2 de ${s.code} : ${res.status} ${JSON.stringify(body).slice(0, 200)}`,
      );
    return { ms, operations: operationsSince(stack.emulator.operations, before) };
  } finally {
    await stopInstance(instance.child);
  }
}

/** INSTANCES new instances' first submissions on a network of `size` stored for exercice `year`. */
async function measureSize(stack: TestStack, size: number, year: number) {
  const start = performance.now();
  const network = await storeNetwork(stack, { size, seed: 95, year });
  // The steady state: the hourly upkeep has compacted both campaigns' snapshots since their returns arrived.
  for (const y of [year - 1, year])
    await compactSnapshot(
      stack.db,
      y,
      (await getCampaign(stack.db, y))?.populationShards as number,
    );
  const seedMs = performance.now() - start;
  const step = Math.floor(size / INSTANCES);
  const cold: Cold[] = [];
  for (let i = 0; i < INSTANCES; i++) {
    const s = network.structures[i * step] as DemoStructure;
    // The other network may share its code: the sender is registered with its own address again.
    await registerStructures(stack.db, [s]);
    collectGarbage();
    cold.push(await coldFirst(stack, s, year));
  }
  return { ms: cold.map((c) => c.ms), cold, seedMs };
}

/** Both networks in one emulator (one per process), as campaigns of different exercices. */
async function measureBoth() {
  const stack = await startTestStack();
  try {
    return {
      small: await measureSize(stack, SMALL, 2030),
      large: await measureSize(stack, LARGE, 2040),
    };
  } finally {
    await stack.close();
  }
}

export async function run(): Promise<Measured[]> {
  const { small, large } = await measureBoth();
  const smallMs = median(small.ms);
  const largeMs = median(large.ms);
  const reads = Math.max(...small.cold.map((c) => c.operations.reads));
  const inputs = {
    instances: INSTANCES,
    msByInstance: {
      [SMALL]: small.ms.map((x) => round(x, 1)),
      [LARGE]: large.ms.map((x) => round(x, 1)),
    },
    operationsByInstance: {
      [SMALL]: small.cold.map((c) => c.operations),
      [LARGE]: large.cold.map((c) => c.operations),
    },
    seedMs: { [SMALL]: round(small.seedMs, 0), [LARGE]: round(large.seedMs, 0) },
    stack:
      "émulateur Firestore dans le processus de la mesure, jetons RS256 signés, express sur 127.0.0.1 ; chaque instance neuve est un processus Node neuf avec son propre serveur de fonctions",
  };
  const note = `Médiane de ${INSTANCES} instances neuves, chacune un processus neuf (cache de population vide, code des gestionnaires chargé mais pas encore compilé) répondant à la correction d'une structure (révision 2). Régime établi : les instantanés de population N et N-1 ont été compactés, comme le fait l'entretien horaire ; la mémoire du processus de l'émulateur est ramassée avant chaque instance, pour qu'une de ses pauses ne tombe pas sur une requête.`;
  return [
    { key: "submit.coldFirstMs", value: round(smallMs, 1), inputs, note },
    {
      key: "submit.coldFirstReads",
      value: reads,
      inputs,
      note: "Lectures de documents Firestore facturables de toute la première soumission (la plus coûteuse des instances), comptées par l'émulateur.",
    },
    {
      key: "submit.coldFirstGrowth",
      value: round(largeMs / smallMs, 2),
      inputs: { ...inputs, medianMs: { [SMALL]: round(smallMs, 1), [LARGE]: round(largeMs, 1) } },
      note: `Médiane à ${formatNumber(LARGE, 0)} structures ÷ médiane à ${formatNumber(SMALL, 0)}, mesurées dans le même processus.`,
    },
  ];
}
