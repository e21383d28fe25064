// campaign.costEuros2800 and campaign.firestoreReadsPerSubmission: a whole campaign run on the local stack for a
// tenth of the network (reminders, every structure submitting then correcting, the Union's sheet, the close, the
// reports, every mail delivered over SMTP), its Firestore operations, invocations, CPU and outbound bytes counted,
// scaled to 2,800 structures and priced with bench/prices.ts.
import {
  closeAndReport,
  deliverMail,
  eachLimited,
  mailCol,
  openCampaign,
  RETRY_POLICY,
  sendReminders,
  sheetsClient,
} from "@barometre/functions/admin";
import { type DemoStructure, formatNumber } from "@barometre/shared";
import { type FirestoreOperations, operationsSince } from "@barometre/stack";
import { CALM_SMTP, startSenderRig } from "@barometre/testing/outbox";
import { startSheetsServer } from "@barometre/testing/sheets-server";
import { ADMIN, ATTESTATION, startTestStack, type TestStack } from "@barometre/testing/stack";
import { OAuth2Client } from "google-auth-library";
import type { Measured } from "../figure.ts";
import {
  BILLING_GRANULARITY_SECONDS,
  EUROS_PER_DOLLAR,
  PRICES,
  PRICES_READ_ON,
} from "../prices.ts";
import { round } from "../support/sample-stats.ts";
import { storeNetwork } from "../support/stored-network.ts";
import { cpuMsSince } from "../support/timing.ts";

const NETWORK = 2_800;
const SAMPLE = 280;
const SCALE = NETWORK / SAMPLE;
const SHEET = "1UnIoNsHeEt-cost";
const TOKEN = "ya29.cost-bench";
const DAY_MS = 86_400_000;
/** The scheduled functions over a campaign of three months, idle most of the time: not observed, estimated. */
const CAMPAIGN_DAYS = 92;
const SCHEDULED_RUNS = CAMPAIGN_DAYS * (24 + 24 * 12 + 1);
/** Memory of the functions (functions/src/index.ts): 1 GiB for the close, the reports and the upkeep. */
const GIB = { http: 0.25, heavy: 1 };

/** What one phase of the campaign used. */
interface Phase {
  name: string;
  operations: FirestoreOperations;
  invocations: number;
  cpuSeconds: number;
  memoryGib: number;
  outboundBytes: number;
}

async function observe(
  stack: TestStack,
  name: string,
  memoryGib: number,
  run: () => Promise<{ invocations: number; outboundBytes: number }>,
): Promise<Phase> {
  const before = { ...stack.emulator.operations };
  const cpu = process.cpuUsage();
  const { invocations, outboundBytes } = await run();
  return {
    name,
    operations: operationsSince(stack.emulator.operations, before),
    invocations,
    cpuSeconds: cpuMsSince(cpu) / 1000,
    memoryGib,
    outboundBytes,
  };
}

/** Every structure sends a version of its return; the answers' bytes go back to the add-on. */
async function submitAll(stack: TestStack, structures: readonly DemoStructure[], round: number) {
  let bytes = 0;
  for (const s of structures) {
    const ret = structuredClone(s.current);
    ret.activity.visitors = (ret.activity.visitors ?? 0) + round;
    const res = await stack.call("submitReturn", {
      token: await stack.token(s.current.identification.directorEmail as string),
      body: { return: ret, idempotencyKey: `cost-${s.code}-${round}`, attestation: ATTESTATION },
    });
    const text = await res.text();
    if (res.status !== 200)
      throw new Error(`submitReturn a refusé ${s.code} : ${text.slice(0, 200)}`);
    bytes += Buffer.byteLength(text);
  }
  await stack.server.queues.idle();
  return { invocations: structures.length, outboundBytes: bytes };
}

const dollars = (p: Phase) => {
  const billed = p.cpuSeconds + p.invocations * (BILLING_GRANULARITY_SECONDS / 2);
  return {
    firestore:
      p.operations.reads * PRICES.firestoreRead +
      p.operations.writes * PRICES.firestoreWrite +
      p.operations.deletes * PRICES.firestoreDelete,
    invocations: p.invocations * PRICES.invocation,
    compute: billed * (PRICES.vcpuSecond + p.memoryGib * PRICES.gibSecond),
    egress: (p.outboundBytes / 2 ** 30) * PRICES.egressGib,
  };
};

/** Observed on SAMPLE structures, then SCALE times: every phase grows with the number of structures. */
const scaled = (p: Phase): Phase => ({
  ...p,
  operations: {
    reads: p.operations.reads * SCALE,
    writes: p.operations.writes * SCALE,
    deletes: p.operations.deletes * SCALE,
  },
  invocations: p.invocations * SCALE,
  cpuSeconds: p.cpuSeconds * SCALE,
  outboundBytes: p.outboundBytes * SCALE,
});

const euros = (d: number) => d * EUROS_PER_DOLLAR;

/** The French breakdown line of one cost item, in euros for 2,800 structures. */
const item = (label: string, amount: number) => `${label} ${formatNumber(euros(amount), 2)} €`;

export async function run(): Promise<Measured[]> {
  let now = new Date();
  const api = await startSheetsServer(SHEET, TOKEN);
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: TOKEN, expiry_date: Date.now() + 3_600_000 });
  const stack = await startTestStack({
    clock: () => now,
    unionSheet: { spreadsheetId: SHEET, sheets: await sheetsClient({ rootUrl: api.url, auth }) },
    queue: { delayMs: () => 0 },
  });
  const rig = await startSenderRig(stack.db, RETRY_POLICY, CALM_SMTP);
  try {
    // The exercice before, stored and submitted: the campaign observed is the next one, which starts empty.
    const before = await storeNetwork(stack, { size: SAMPLE, seed: 2026 });
    const year = before.year + 1;
    const structures = before.structures.map((s) => {
      const current = structuredClone(s.current);
      current.identification.year = year;
      return { ...s, current };
    });
    const deadline = `${year + 1}-06-30`;
    const day = (offset: number) => new Date(Date.parse(`${deadline}T07:00:00Z`) + offset * DAY_MS);
    now = day(-30);
    await openCampaign(stack.db, year, { deadline }, ADMIN, now);
    const { queues } = stack.server;
    const sheetBytes = () =>
      api.requests.reduce((n, r) => n + Buffer.byteLength(JSON.stringify(r.body ?? "")), 0);
    /** The background work a phase started (sheet rewrites, report batches): invocations and bytes. */
    const background = async <T>(work: () => Promise<T>) => {
      const [syncs, batches, bytes] = [
        queues.sheetSync.counts.completed,
        queues.reportBatch.counts.completed,
        sheetBytes(),
      ];
      const result = await work();
      await queues.idle();
      return {
        result,
        invocations:
          queues.sheetSync.counts.completed - syncs + queues.reportBatch.counts.completed - batches,
        outboundBytes: sheetBytes() - bytes,
      };
    };
    const reminders = (offsets: number[]) => async () => {
      for (const offset of offsets) {
        now = day(offset);
        await sendReminders(stack.server.deps, now);
      }
      return { invocations: offsets.length, outboundBytes: 0 };
    };
    const submissions = (offset: number, version: number) => async () => {
      now = day(offset);
      const sent = await background(() => submitAll(stack, structures, version));
      return {
        invocations: sent.result.invocations + sent.invocations,
        outboundBytes: sent.result.outboundBytes + sent.outboundBytes,
      };
    };
    const phases = [
      // Nobody has sent anything at J-14: every structure gets a reminder, the Union a digest.
      await observe(stack, "relances à J-14", GIB.http, reminders([-14])),
      await observe(stack, "premiers envois", GIB.http, submissions(-10, 1)),
      await observe(stack, "relances à J-7 et J-2", GIB.http, reminders([-7, -2])),
      await observe(stack, "corrections", GIB.http, submissions(-1, 2)),
      await observe(stack, "clôture et rapports", GIB.heavy, async () => {
        now = day(1);
        const closed = await background(() => closeAndReport(stack.server.deps, year, ADMIN));
        return { invocations: 1 + closed.invocations, outboundBytes: closed.outboundBytes };
      }),
    ];
    const mails = (await mailCol(stack.db).select().get()).docs.map((d) => d.id);
    rig.clock.advance(DAY_MS * 3650);
    phases.push(
      await observe(stack, "envoi des courriels", GIB.http, async () => {
        await eachLimited(mails, 4, (id) => deliverMail(rig.deps, id));
        const bytes = rig.sink.received.reduce((n, m) => n + m.raw.length, 0);
        // The trigger runs at each write of a mail document: its creation, then its delivery.
        return { invocations: 2 * mails.length, outboundBytes: bytes };
      }),
    );
    if (rig.sink.received.length !== mails.length)
      throw new Error(`${mails.length} courriels en file, ${rig.sink.received.length} reçus`);
    const corrections = phases[3] as Phase;
    const readsPerSubmission = corrections.operations.reads / SAMPLE;
    const total = phases.map((p) => dollars(scaled(p)));
    const sum = (pick: (d: ReturnType<typeof dollars>) => number) =>
      total.reduce((n, d) => n + pick(d), 0);
    const scheduled =
      SCHEDULED_RUNS *
      (PRICES.invocation +
        BILLING_GRANULARITY_SECONDS * (PRICES.vcpuSecond + GIB.heavy * PRICES.gibSecond));
    const parts = {
      firestore: sum((d) => d.firestore),
      invocations: sum((d) => d.invocations),
      compute: sum((d) => d.compute),
      egress: sum((d) => d.egress),
      scheduled,
    };
    const dollarsTotal = Object.values(parts).reduce((a, b) => a + b, 0);
    const inputs = {
      structures: NETWORK,
      observedOn: SAMPLE,
      scale: SCALE,
      pricesReadOn: PRICES_READ_ON,
      eurosPerDollar: EUROS_PER_DOLLAR,
      eurosByItem: Object.fromEntries(
        Object.entries(parts).map(([k, v]) => [k, round(euros(v), 4)]),
      ),
      phases: phases.map((p) => ({
        ...scaled(p),
        cpuSeconds: round(scaled(p).cpuSeconds, 1),
        euros: round(euros(Object.values(dollars(scaled(p))).reduce((a, b) => a + b, 0)), 4),
      })),
      mailsDelivered: mails.length * SCALE,
      scheduledRuns: SCHEDULED_RUNS,
      cpu: "process.cpuUsage du processus entier (fonctions, émulateur, serveurs SMTP et Sheets) : une borne haute",
    };
    const note = [
      `Campagne entière observée sur ${SAMPLE} structures, multipliée par ${SCALE} ; prix publics (europe-west9, lus le ${PRICES_READ_ON}, bench/prices.ts), sans les quotas gratuits.`,
      `Détail : ${[
        item("Firestore", parts.firestore),
        item("invocations", parts.invocations),
        item("calcul (vCPU et mémoire)", parts.compute),
        item("trafic sortant", parts.egress),
        item(`tâches planifiées (${CAMPAIGN_DAYS} jours, estimées)`, parts.scheduled),
      ].join(" ; ")}.`,
      `Par étape : ${phases
        .map((p, i) =>
          item(
            p.name,
            Object.values(total[i] as object).reduce((a: number, b: number) => a + b, 0),
          ),
        )
        .join(" ; ")}.`,
    ].join(" ");
    return [
      { key: "campaign.costEuros2800", value: round(euros(dollarsTotal), 2), inputs, note },
      {
        key: "campaign.firestoreReadsPerSubmission",
        value: round(readsPerSubmission, 1),
        inputs: { submissions: SAMPLE, operations: corrections.operations },
        note: "Corrections de toutes les structures une fois les populations en cache (instance chaude).",
      },
    ];
  } finally {
    await rig.close();
    await stack.close();
    await api.close();
  }
}
