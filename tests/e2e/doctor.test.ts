// barometre doctor against the local stack: all in order (exit 0), then a stack misconfigured on purpose where it must name each planted fault.

import {
  adminsCol,
  campaignsCol,
  checkoutVersion,
  openCampaign,
  REPOSITORY_ROOT,
  structuresCol,
} from "@barometre/functions/admin";
import { barometre } from "@barometre/testing/run-barometre";
import { AUDIENCE, seedDirectory, startTestStack, type TestStack } from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Runs doctor beside `stack`: its emulator, its functions. */
function doctor(stack: TestStack, ...args: string[]) {
  process.env.FIRESTORE_EMULATOR_HOST = stack.emulator.host;
  return barometre("doctor", "--base", stack.url, ...args);
}

describe("barometre doctor on the local stack", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await seedDirectory(stack.db, ["PIMMS-RENNES", "PIMMS-CENON"]);
    await openCampaign(stack.db, 2026, { deadline: "2099-06-30" }, "test", new Date());
  });
  afterAll(() => stack.close());

  it("finds everything in order, says what it cannot know, and exits 0", async () => {
    const run = await doctor(stack, "--client-id", AUDIENCE);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`✓ Version des fonctions : ${checkoutVersion(REPOSITORY_ROOT)}`);
    expect(run.stdout).toContain("✓ Audience des jetons : le client du module est accepté");
    expect(run.stdout).toContain("✓ Annuaire des structures : 2 structures");
    expect(run.stdout).toContain("✓ Campagne ouverte : 2026, date limite : 30/06/2099");
    expect(run.stdout).toContain(
      "– Emplacement de Firestore : émulateur local, sans emplacement ; firebase.json déclare europe-west9 (Europe)",
    );
    expect(run.stdout).toContain("✓ Règles Firestore fermées aux clients");
    expect(run.stdout).toContain("Tout est en ordre.");
  });

  it("says when the functions do not answer", async () => {
    const run = await doctor({ ...stack, url: "http://127.0.0.1:9" });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "✗ Fonctions joignables (http://127.0.0.1:9/healthz) : aucune réponse",
    );
  });

  it("names each fault planted in the stack with its fix, and exits 1", async () => {
    // Older functions, no sender, no admin nor structure, and only a campaign whose deadline is past.
    Object.assign(stack.server.deps.config, {
      version: "0.0.1+ancien",
      mail: { from: "", union: ["union@pimms.example"], privacyUrl: null },
    });
    for (const col of [adminsCol, structuresCol, campaignsCol]) {
      const { docs } = await col(stack.db).get();
      await Promise.all(docs.map((d) => d.ref.delete()));
    }
    await openCampaign(stack.db, 2018, { deadline: "2019-04-30" }, "test", new Date());

    const run = await doctor(stack, "--client-id", "999-autre.apps.googleusercontent.com");
    expect(run.code).toBe(1);
    const faults = run.stdout.split("\n").filter((l) => l.startsWith("✗"));
    expect(faults).toEqual([
      `✗ Version des fonctions : les fonctions sont en 0.0.1+ancien, le dépôt en ${checkoutVersion(REPOSITORY_ROOT)}`,
      `✗ Audience des jetons : le client du module (999-autre.apps.googleusercontent.com) n'est pas accepté (acceptés : ${AUDIENCE}) : chaque appel du module serait refusé (401)`,
      "✗ Expéditeur des courriels (MAIL_FROM) : vide",
      "✗ Administrateurs de l'Union : aucun",
      "✗ Annuaire des structures : vide",
      expect.stringMatching(
        /^✗ Campagne ouverte : 2018, date limite : 30\/04\/2019, passée depuis [\d\u202f ]+ jours$/,
      ),
    ]);
    expect(run.stdout).toContain("→ npx barometre admins add COURRIEL --project ID");
    expect(run.stdout).toContain("6 problèmes à corriger");
  });
});
