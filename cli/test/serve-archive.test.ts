// npm start -- --serve keeps the reports as files however the campaign is closed: `barometre campaign close` renders
// in its own process, and the served stack copies each report and the network summary from the outbox.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mailDoc, type OutboxMail, openCampaign } from "@barometre/functions/admin";
import { barometre } from "@barometre/testing/run-barometre";
import {
  ADMIN,
  ATTESTATION,
  directorOf,
  sampleReturn,
  seedDirectory,
} from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoStack, startDemoStack } from "../src/demo/demo-stack.ts";
import { Progress } from "../src/demo/progress.ts";

const CODES = ["PIMMS-ARLES", "PIMMS-BREST", "PIMMS-CAEN"];
const incidents: string[] = [];
let out: string;
let demo: DemoStack;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "barometre-serve-archive-"));
  demo = await startDemoStack({
    out,
    port: 0,
    progress: new Progress({ write: () => true }, 1),
    onIncident: (message) => incidents.push(message),
    archive: "queued",
  });
  const { stack } = demo;
  await seedDirectory(stack.db, CODES);
  await openCampaign(stack.db, 2018, {}, ADMIN, new Date());
  for (const code of CODES) {
    const res = await stack.call("submitReturn", {
      token: await stack.token(directorOf(code)),
      body: {
        return: sampleReturn(code),
        idempotencyKey: `archive-${code}`,
        attestation: ATTESTATION,
      },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
});
afterAll(async () => {
  await demo?.stack.close();
  await rm(out, { recursive: true, force: true });
});

const queued = async (id: string) =>
  (await mailDoc(demo.stack.db, id).get()).data() as OutboxMail | undefined;

describe("the served stack's report folders", () => {
  it("hold every report and the network summary after `barometre campaign close`, as they were mailed", async () => {
    const closed = await barometre("campaign", "close", "2018");
    expect(closed.code, closed.stderr).toBe(0);
    await demo.stack.settled();
    expect(incidents).toEqual([]);
    expect(demo.reports()).toBe(CODES.length);
    expect((await readdir(join(out, "reports"))).sort()).toEqual(
      CODES.flatMap((c) => [`${c}-synthese.pdf`, `${c}.html`, `${c}.pdf`]).sort(),
    );
    for (const code of CODES) {
      const mail = await queued(`report-2018-${code}`);
      const [report, board] = (mail?.message.attachments ?? []).filter(
        (a) => a.contentType === "application/pdf",
      );
      expect(await readFile(join(out, "reports", `${code}.pdf`))).toEqual(report?.content);
      expect(await readFile(join(out, "reports", `${code}-synthese.pdf`))).toEqual(board?.content);
      const html = await readFile(join(out, "reports", `${code}.html`), "utf8");
      expect(html).toContain(code);
      expect(html).not.toContain("cid:");
    }
    expect((await readdir(join(out, "union"))).sort()).toEqual([
      "barometre-2018-synthese-reseau.html",
      "barometre-2018-synthese-reseau.pdf",
    ]);
    const summary = await queued("summary-2018");
    expect(await readFile(join(out, "union", "barometre-2018-synthese-reseau.pdf"))).toEqual(
      summary?.message.attachments.find((a) => a.contentType === "application/pdf")?.content,
    );
  });
});
