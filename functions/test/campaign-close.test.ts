// Campaign close end to end on 35 generated structures: the admin's close request, one final benchmark, every
// report rendered and delivered over SMTP (figures, charts, PDF), the Union's summary; transparent mode and the
// command line's close on a second campaign.

import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildReport,
  computeIndicators,
  type DemoNetwork,
  generateNetwork,
  indexPopulation,
  type Member,
  memberOf,
  NUMERIC_INDICATOR_KEYS,
  positionStructure,
  type ReportDocument,
  reportLayout,
} from "@barometre/shared";
import { LOCAL_MAIL } from "@barometre/stack";
import { registerStructures, seedLatest, storedRevision } from "@barometre/testing/network";
import { CALM_SMTP, type SenderRig, startSenderRig } from "@barometre/testing/outbox";
import { barometre } from "@barometre/testing/run-barometre";
import { ADMIN, startTestStack, type TestStack } from "@barometre/testing/stack";
import { type ParsedMail, simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFinalBenchmark } from "../src/close/final-benchmark.ts";
import { DEADLINE_ACTOR, upkeep } from "../src/close/upkeep.ts";
import { sweepOutbox } from "../src/mail/sweep.ts";
import { openCampaign } from "../src/storage/campaigns.ts";
import { addAdmin } from "../src/storage/directory.ts";
import { plainStats } from "./support/independent-stats.ts";
import { pdfStructure } from "./support/pdf-structure.ts";

const network = generateNetwork();
// Years apart from the main network's five campaigns (2014 to 2018), so its trajectories hold only its own returns.
const small = generateNetwork({ size: 8, seed: 16, year: 2010 });
const late = generateNetwork({ size: 5, seed: 15, year: 2013 });
let stack: TestStack;
let rig: SenderRig;

async function register(n: DemoNetwork) {
  await registerStructures(stack.db, n.structures);
  await seedLatest(stack.db, [
    ...n.structures.map((s) => storedRevision(s.current)),
    ...n.structures.flatMap((s) => (s.previous ? [storedRevision(s.previous)] : [])),
    ...n.structures.flatMap((s) => (s.earlier ? [storedRevision(s.earlier)] : [])),
  ]);
}

/** Delivers everything due, as the deployed trigger and sweep would, and parses what the SMTP server got. */
async function deliverAll(): Promise<ParsedMail[]> {
  const before = rig.sink.received.length;
  while (Object.keys(await sweepOutbox(rig.deps, { concurrency: 8 })).length > 0);
  return Promise.all(
    rig.sink.received.slice(before).map((m) => simpleParser(m.raw, { skipImageLinks: true })),
  );
}

/** The report each structure should get, computed here from the generated returns. */
function expectedReports(n: DemoNetwork, mode: "anonymous" | "transparent"): ReportDocument[] {
  const members = n.structures.map((s) => memberOf(s.current));
  const before = n.structures.flatMap((s) => (s.previous ? [memberOf(s.previous)] : []));
  const earlier = n.structures.flatMap((s) => (s.earlier ? [memberOf(s.earlier)] : []));
  const index = indexPopulation(members, 5);
  const previous = indexPopulation(before, 5);
  const older = indexPopulation(earlier, 5);
  const own = (list: Member[], code: string) => list.find((m) => m.structureCode === code) ?? null;
  return n.structures.map((s, i) =>
    buildReport({
      campaign: { year: n.year, mode, minGroupSize: 5, bands: {} },
      structure: { code: s.code, name: s.name, territory: s.territory },
      revision: {
        number: 1,
        submittedAt: new Date(Date.UTC(n.year + 1, 4, 15, 9, 30)).toISOString(),
      },
      positioning: positionStructure(
        index,
        members[i] as Member,
        { population: previous, member: own(before, s.code) },
        {
          history: {
            year: n.year,
            past: [
              { year: n.year - 1, population: previous, member: own(before, s.code) },
              { year: n.year - 2, population: older, member: own(earlier, s.code) },
            ],
          },
        },
      ),
      ...(mode === "transparent"
        ? {
            transparentTable: n.structures.map((t, j) => ({
              code: t.code,
              name: t.name,
              indicators: (members[j] as Member).indicators,
            })),
          }
        : {}),
    }),
  );
}

const pdfOf = (mail: ParsedMail) =>
  mail.attachments.find((a) => a.contentType === "application/pdf");

beforeAll(async () => {
  stack = await startTestStack();
  rig = await startSenderRig(stack.db, undefined, CALM_SMTP);
  await addAdmin(stack.db, ADMIN, "test", new Date());
  await openCampaign(stack.db, network.year, {}, ADMIN, new Date());
  await openCampaign(stack.db, small.year, { mode: "transparent" }, ADMIN, new Date());
  await openCampaign(stack.db, late.year, { deadline: "2014-06-30" }, ADMIN, new Date());
  await register(network);
  await register(small);
  await register(late);
});
afterAll(async () => {
  await rig.close();
  await stack.close();
});

describe("closing a campaign", () => {
  let mails: ParsedMail[] = [];

  it("is one admin request that answers with the fan-out and fills the outbox", async () => {
    const res = await stack.call("manageCampaign", {
      token: await stack.token(ADMIN),
      body: { action: "close", year: network.year },
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      campaign: { state: "closed" },
      // 35 positionings with trajectories and size groups pass a batch document's 800 ko.
      reports: { year: network.year, structures: 35, batches: 2 },
    });
    await stack.server.queues.idle();
    mails = await deliverAll();
    expect(mails).toHaveLength(36);
  });

  it("computed the benchmark once, its statistics equal to an independent computation", async () => {
    const head = await getFinalBenchmark(stack.db, network.year);
    const all = network.structures.map((s) => ({
      t: s.territory,
      i: computeIndicators(s.current),
    }));
    for (const key of NUMERIC_INDICATOR_KEYS)
      for (const [group, rows] of [
        ["Réseau", all],
        ["Urbain QPV", all.filter((r) => r.t === "Urbain QPV")],
      ] as const) {
        const values = rows
          .map((r) => r.i[key].value)
          .filter((v): v is number => typeof v === "number");
        const stored = (group === "Réseau" ? head?.network : head?.groups[group])?.[
          key
        ] as unknown as Record<string, number>;
        for (const [stat, value] of Object.entries(plainStats(values)))
          expect(stored[stat], `${group} ${key} ${stat}`).toBeCloseTo(value, 9);
      }
    // A second close changes nothing: same benchmark, no new mail.
    const again = await stack.call("manageCampaign", {
      token: await stack.token(ADMIN),
      body: { action: "close", year: network.year },
    });
    expect(again.status).toBe(200);
    await stack.server.queues.idle();
    expect((await getFinalBenchmark(stack.db, network.year))?.computedAt).toEqual(head?.computedAt);
    expect(await deliverAll()).toHaveLength(0);
  });

  it("sent each director their report with the right figures, inline charts and the PDF, naming no one else", () => {
    const docs = expectedReports(network, "anonymous");
    for (const [i, s] of network.structures.entries()) {
      const doc = docs[i] as ReportDocument;
      const mail = mails.find((m) => m.subject === doc.subject) as ParsedMail;
      expect(mail, s.code).toBeDefined();
      expect(mail.to).toMatchObject({ text: s.current.identification.directorEmail });
      expect(mail.messageId).toBe(`<report-${network.year}-${s.code}@pimms.example>`);
      for (const e of doc.sections.flatMap((x) => x.entries)) {
        expect(mail.text, `${s.code} ${e.key}`).toContain(e.valueText);
        if (e.evolution) expect(mail.text).toContain(e.evolution);
        // The trajectory over the three campaigns held (each numeric indicator but the changes in points), its
        // figures in the text alternative.
        if (e.trajectory) expect(mail.text).toContain(e.trajectory.alt);
      }
      expect(doc.sections.flatMap((x) => x.entries).filter((e) => e.trajectory)).toHaveLength(11);
      const size = network.structures.length;
      expect(mail.text).toContain(`${size} structures sur ${size} de l'annuaire de l'Union`);
      expect(mail.text).toMatch(
        /Données arrêtées le \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d \(heure de Paris\)/,
      );
      // Box plots and the legend: the mail gives each trajectory as a table, not an image.
      const charts = reportLayout(doc).blocks.filter(
        (b) => (b.kind === "chart" && b.chart.kind !== "trajectory") || b.kind === "legend",
      ).length;
      const images = mail.attachments.filter((a) => a.contentType === "image/png");
      expect(images).toHaveLength(charts);
      for (const image of images) expect(mail.html).toContain(`cid:${image.cid}`);
      expect(pdfOf(mail)?.filename).toBe(`barometre-${network.year}-${s.code}.pdf`);
      expect(mail.text).toContain(
        `page de confidentialité du Baromètre : ${LOCAL_MAIL.privacyUrl}`,
      );
      expect(pdfOf(mail)?.content.subarray(0, 5).toString()).toBe("%PDF-");
      for (const other of network.structures)
        if (other.code !== s.code) {
          expect(mail.html).not.toContain(other.code);
          expect(mail.text).not.toContain(other.code);
        }
    }
  });

  it("sent the Union its network summary, naming the fragile structures", () => {
    const summary = mails.find((m) => m.subject?.includes("synthèse du réseau")) as ParsedMail;
    expect(summary.subject).toBe(
      `Baromètre des PIMMS ${network.year} : synthèse du réseau (35\u00a0structures)`,
    );
    expect(summary.to).toMatchObject({ text: "union@pimms.example" });
    expect(pdfOf(summary)?.filename).toBe(`barometre-${network.year}-synthese-reseau.pdf`);
    const fragile = network.structures.filter((s) =>
      Object.values(computeIndicators(s.current)).some((r) => r.status === "red"),
    );
    expect(fragile.length).toBeGreaterThan(0);
    for (const s of fragile) expect(summary.text).toContain(`${s.name} (${s.code})`);
  });

  it("prints a structure's report, or its one-page board summary, from the command line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "barometre-report-"));
    let stderr = "";
    const run = async (...args: string[]) => {
      const done = await barometre("report", ...args);
      stderr += done.stderr;
      return done.code;
    };
    const code = network.structures[0]?.code as string;
    const year = String(network.year);
    const file = (name: string) => join(dir, name);
    const codes = [
      await run(code, year, "--summary", "-o", file("synthese.pdf")),
      await run(code, year, "-o", file("rapport.pdf")),
      await run("PIMMS-INCONNU", year, "--summary", "-o", file("inconnu.pdf")),
      await run(code, "2030", "--summary", "-o", file("ouverte.pdf")),
      await run(code, year, "--summary"),
      await run(code, year, "-o", dir),
    ];
    expect(codes, stderr).toEqual([0, 0, 2, 2, 2, 2]);
    expect(stderr).toContain(
      `Synthèse d'une page de ${code} (${year}) écrite dans « ${file("synthese.pdf")} ».`,
    );
    expect(stderr).toContain(`Rapport de ${code} (${year}) écrit dans « ${file("rapport.pdf")} ».`);
    expect(stderr).toContain(
      `Impossible d'écrire « ${dir} » : c'est un dossier : indiquez un nom de fichier.`,
    );
    expect(pdfStructure(readFileSync(file("synthese.pdf"))).info.Pages).toBe("1");
    expect(Number(pdfStructure(readFileSync(file("rapport.pdf"))).info.Pages)).toBeGreaterThan(3);
    expect(existsSync(file("inconnu.pdf")) || existsSync(file("ouverte.pdf"))).toBe(false);
    expect(stderr).toContain(
      `La structure PIMMS-INCONNU n'a pas de retour dans la campagne ${year}.`,
    );
    expect(stderr).toContain("La campagne 2030 n'est pas close");
    expect(stderr).toContain("Indiquez le fichier PDF à écrire avec -o.");
    rmSync(dir, { recursive: true });
  });

  it("closes from the command line, in transparent mode with the named table in every report", async () => {
    const { code, stdout } = await barometre("campaign", "close", String(small.year));
    expect(code, stdout).toBe(0);
    expect(stdout).toContain(`Campagne ${small.year} : close`);
    expect(stdout).toContain("rapports : 8 structures en 1 lots, 8 produits par cette commande");
    const received = await deliverAll();
    expect(received).toHaveLength(9);
    for (const s of small.structures) {
      const mail = received.find(
        (m) => m.to && "text" in m.to && m.to.text === s.current.identification.directorEmail,
      );
      expect(mail?.html, s.code).toContain("<caption");
      for (const other of small.structures)
        expect(mail?.text).toContain(`${other.name} (${other.code})`);
    }
    expect(expectedReports(small, "transparent")[0]?.transparentTable?.rows).toHaveLength(8);
  });

  it("is done by the hourly upkeep for a campaign whose deadline has passed, and only for it", async () => {
    expect(await upkeep(stack.server.deps)).toEqual({
      closed: [late.year],
      resumed: [],
      sheetSyncs: [],
    });
    await stack.server.queues.idle();
    const campaign = (await stack.db.doc(`campaigns/${late.year}`).get()).data();
    expect(campaign).toMatchObject({ state: "closed", updatedBy: DEADLINE_ACTOR });
    const received = await deliverAll();
    expect(received.map((m) => m.subject).sort()).toEqual(
      [
        ...late.structures.map(
          (s) => `Baromètre des PIMMS ${late.year} : le positionnement de ${s.name}`,
        ),
        `Baromètre des PIMMS ${late.year} : synthèse du réseau (5\u00a0structures)`,
      ].sort(),
    );
    expect(await upkeep(stack.server.deps)).toEqual({ closed: [], resumed: [], sheetSyncs: [] });
  });
});
