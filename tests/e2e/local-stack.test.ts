// The local stack of npm start in this process: its sender hears mail writes from the emulator itself (a retry
// asked by hand included), and closing it leaves nothing running.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LocalStack, startLocalStack } from "@barometre/cli/demo";
import { lazyRenderer, mailDoc, queueMail } from "@barometre/functions/admin";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let dir: string;
const incidents: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "barometre-local-stack-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const draft = {
  to: ["direction@essai.pimms.example"],
  message: { subject: "Essai", text: "Courriel d'essai.", html: "", attachments: [] },
  kind: "revision" as const,
  campaignYear: 2018,
  structureCode: "PIMMS-ESSAI",
};

/** The event loop's resources by kind, with how many of each. */
function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo())
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

const stateOf = async (stack: LocalStack, id: string) =>
  (await mailDoc(stack.db, id).get()).get("delivery") as { state: string; attempts: number };

describe("the local stack", () => {
  // First, while the process holds only what the test runner opened.
  it("leaves no server, socket, channel or timer once closed", async () => {
    const before = activeResources();
    const stack = await startLocalStack({
      port: 0,
      mailDir: dir,
      renderer: lazyRenderer,
      onIncident: (m) => incidents.push(m),
    });
    expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
    await stack.close();
    // Closed sockets are released on the next turns of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const after = activeResources();
    // Nothing added: each kind (TCPServerWrap, TCPSocketWrap, Timeout…) no more often than before.
    for (const [kind, n] of after)
      expect([kind, n]).toEqual([kind, Math.min(n, before.get(kind) ?? 0)]);
  });

  it("sends each mail when it is written, and again when a RETRY is set by hand", async () => {
    const stack = await startLocalStack({
      port: 0,
      mailDir: dir,
      renderer: lazyRenderer,
      onIncident: (m) => incidents.push(m),
    });
    try {
      stack.sink.answer = () => ({ code: 550, message: "5.7.1 Refusé" });
      await queueMail(stack.db, "essai-refuse", draft, "barometre@pimms.example", new Date());
      await stack.settled();
      expect(await stateOf(stack, "essai-refuse")).toMatchObject({ state: "ERROR", attempts: 1 });
      stack.sink.answer = () => "accept";
      await mailDoc(stack.db, "essai-refuse").update({ "delivery.state": "RETRY" });
      await stack.settled();
      expect(await stateOf(stack, "essai-refuse")).toMatchObject({ state: "SUCCESS", attempts: 2 });
      expect(stack.sink.received.map((m) => m.messageId)).toEqual(["<essai-refuse@pimms.example>"]);
    } finally {
      await stack.close();
    }
    // The refusal is reported, as the deployed sender logs it; nothing else is.
    expect(incidents).toEqual(["deliverMail: échec d'une tentative"]);
  });
});
