// The Union's request in the sidebar, in headless Chromium: shown at the top with its comment, author and Paris time,
// each named field a button to its cell; the attestation form and the explanation boxes; keyboard and WCAG AA.
// biome-ignore-all lint/performance/useDomNodeTextContent: these tests check the text as Chromium renders it to the reader (innerText: visible text, line breaks, reading order), which textContent is not.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { axeViolations } from "@barometre/testing/axe-page";
import { fixture } from "@barometre/testing/legacy-fixtures";
import { ADMIN } from "@barometre/testing/stack";
import { afterAll, describe, expect, it } from "vitest";
import { closeBrowser, openSidebarPage } from "../harness/sidebar-browser.ts";
import { openConnected, SESSION_ATTESTATION, submit } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const ARTIFACTS = join(import.meta.dirname, "../../test-artifacts");

const functions = useFunctionsThread();

afterAll(async () => {
  await closeBrowser();
});

describe("the Union's request in the sidebar", () => {
  it("shows the review at the top, leads to the named cell, and meets WCAG AA", async () => {
    const fx = fixture("04");
    const rt = await openConnected(fx, functions());
    expect(submit(rt)).toMatchObject({ sent: true });
    const review = await functions().post(
      "reviewReturn",
      JSON.stringify({
        structureCode: fx.ret.identification.structureCode,
        year: 2018,
        revision: 1,
        state: "hasIssues",
        comment: "Le total des charges ne correspond pas au compte de résultat.",
        fields: ["finance.chargesTotal"],
      }),
      ADMIN,
    );
    expect(review.status).toBe(200);
    rt.trigger("onOpen", "NONE");
    rt.clickMenu("Ouvrir le panneau");
    const sidebar = await openSidebarPage(rt);
    const { page } = sidebar;
    try {
      const top = page.locator("#review");
      await expect
        .poll(() => top.innerText())
        .toContain("Avis de l'Union sur la révision 1 : à corriger");
      const text = await top.innerText();
      expect(text).toContain("Le total des charges ne correspond pas au compte de résultat.");
      expect(text).toMatch(
        new RegExp(
          `Par ${ADMIN.replace(".", "\\.")}, le \\d\\d/\\d\\d/\\d{4} à \\d\\d:\\d\\d \\(heure de Paris\\)\\.`,
        ),
      );
      await top.getByRole("button", { name: /Total des charges/ }).click();
      await expect.poll(() => rt.book.active?.sheet).toBe("Données financières");

      await expect
        .poll(() => page.getByLabel("Nom et prénom").inputValue())
        .toBe(SESSION_ATTESTATION.name);
      await page.getByLabel("Nom et prénom").fill("Camille Durand");
      await page.getByLabel("Fonction").selectOption("trésorerie");
      await page.getByRole("button", { name: "Enregistrer" }).click();
      await page.getByText("Attestation enregistrée dans le classeur").waitFor();
      const state = rt.run("panelState") as { ok: true; value: { attestation: unknown } };
      expect(state.value.attestation).toEqual({ name: "Camille Durand", role: "trésorerie" });

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        300,
      );
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "sidebar-review.png"), fullPage: true });
      const violations = (await axeViolations(page)).map((v) => `${v.id} (${v.nodes.length})`);
      expect(violations).toEqual([]);
    } finally {
      await sidebar.close();
    }
  });

  it("offers a text box under each warning, keeps the explanation in the workbook and sends it", async () => {
    const rt = await openConnected(fixture("02"), functions());
    rt.trigger("onOpen", "NONE");
    rt.clickMenu("Vérifier");
    let sidebar = await openSidebarPage(rt);
    try {
      const box = sidebar.page.getByLabel("Votre explication (envoyée à l'Union avec le retour)");
      await box.first().waitFor();
      await box.first().fill("Les motifs sont comptés par visite, pas par personne.");
      await box.first().blur();
      await sidebar.page.getByText("Explication enregistrée dans le classeur").waitFor();
      const violations = (await axeViolations(sidebar.page)).map(
        (v) => `${v.id} (${v.nodes.length})`,
      );
      expect(violations).toEqual([]);
    } finally {
      await sidebar.close();
    }
    // Closing and opening the panel again: the explanation is still there, read from the workbook.
    rt.clickMenu("Vérifier");
    sidebar = await openSidebarPage(rt);
    try {
      const box = sidebar.page.getByLabel("Votre explication (envoyée à l'Union avec le retour)");
      await expect
        .poll(() => box.first().inputValue())
        .toBe("Les motifs sont comptés par visite, pas par personne.");
    } finally {
      await sidebar.close();
    }
    rt.urlFetch.requests.length = 0;
    expect(submit(rt)).toMatchObject({ sent: true });
    const sent = JSON.parse(rt.urlFetch.requests[0]?.payload ?? "{}");
    expect(sent.explanations).toEqual({
      "activity.reasonsTotal": "Les motifs sont comptés par visite, pas par personne.",
    });

    // A correction sent from the panel: what changed since the last send is listed there.
    const at = rt.book.names.get("fld_network_eventParticipants");
    rt.spreadsheet.getRange(`'${at?.sheet}'!B${(at?.range.top ?? 0) + 1}`).setValue(321);
    rt.clickMenu("Ouvrir le panneau");
    sidebar = await openSidebarPage(rt);
    try {
      await sidebar.page.getByRole("button", { name: "Envoyer à l'Union" }).click();
      const changes = sidebar.page.locator("#changes");
      await expect
        .poll(() => changes.innerText())
        .toContain("Ce qui a changé depuis votre envoi précédent");
      expect(await changes.innerText()).toMatch(/Participants aux événements PIMMS : .* → 321/);
      const violations = (await axeViolations(sidebar.page)).map(
        (v) => `${v.id} (${v.nodes.length})`,
      );
      expect(violations).toEqual([]);
    } finally {
      await sidebar.close();
    }
  });
});
