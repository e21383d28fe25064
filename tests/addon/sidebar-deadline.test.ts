// The campaign's deadline in the sidebar, in headless Chromium: shown under the structure when the panel opens and
// once a workbook is prepared, in fr-FR, readable in order, at 300 px, without WCAG 2.1 AA violation.
// biome-ignore-all lint/performance/useDomNodeTextContent: these tests check the text as Chromium renders it to the reader (innerText: visible text, line breaks, reading order), which textContent is not.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { axeViolations } from "@barometre/testing/axe-page";
import { fixture } from "@barometre/testing/legacy-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeBrowser, openSidebarPage } from "../harness/sidebar-browser.ts";
import { openConnected } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";
import { CAMPAIGN_YEAR } from "./support/local-functions.ts";
import { parisDayIn } from "./support/paris-day.ts";

const ARTIFACTS = join(import.meta.dirname, "../../test-artifacts");
const functions = useFunctionsThread();

/** The deadline 12 days from today in Paris, and how the sidebar says it. */
const deadline = (() => {
  const day = parisDayIn(12);
  return {
    iso: day.iso,
    sentence: `Campagne 2018 ouverte. Date limite : ${day.shown}, dans 12 jours.`,
  };
})();

beforeAll(async () => {
  await functions().configureCampaign(CAMPAIGN_YEAR, { deadline: deadline.iso });
});
afterAll(async () => {
  await closeBrowser();
});

describe("the deadline in the sidebar", () => {
  it("shows under the structure when the panel opens, reads in order, fits 300 px and meets WCAG AA", async () => {
    const rt = await openConnected(fixture("03"), functions());
    rt.trigger("onOpen", "NONE");
    rt.clickMenu("Vérifier");
    const sidebar = await openSidebarPage(rt);
    const { page } = sidebar;
    try {
      const line = page.locator("#deadline");
      await expect.poll(() => line.innerText()).toBe(deadline.sentence);
      await page.getByText("Opération terminée.").waitFor();
      const text = await page.evaluate(() => document.body.innerText);
      const order = ["Baromètre des PIMMS", deadline.sentence, "Préparer le classeur"].map((t) =>
        text.indexOf(t),
      );
      expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        300,
      );
      expect(await axeViolations(page)).toEqual([]);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "sidebar-deadline.png"), fullPage: true });
    } finally {
      await sidebar.close();
    }
  });

  it("meets WCAG AA after a send too, with the deadline, the last send and the positioning together", async () => {
    const rt = await openConnected(fixture("04"), functions());
    rt.trigger("onOpen", "NONE");
    rt.clickMenu("Envoyer à l'Union");
    const sidebar = await openSidebarPage(rt);
    const { page } = sidebar;
    try {
      await page.getByText("révision 1 enregistrée", { exact: false }).waitFor();
      await expect.poll(() => page.locator("#deadline").innerText()).toBe(deadline.sentence);
      await expect.poll(() => page.locator(".last-submission").count()).toBe(1);
      expect(await page.locator("table.positioning").count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await sidebar.close();
    }
  });

  it("appears once « Préparer le classeur » has made the tabs that hold the exercice", async () => {
    const rt = await openConnected(fixture("05"), functions(), { prepare: false });
    rt.trigger("onOpen", "NONE");
    rt.clickMenu("Ouvrir le panneau");
    const sidebar = await openSidebarPage(rt);
    const { page } = sidebar;
    try {
      await expect
        .poll(() => sidebar.calls)
        .toEqual(["panelState", "panelCampaign", "panelReview"]);
      expect(await page.locator("#deadline").isHidden()).toBe(true);
      await page.getByRole("button", { name: "Préparer le classeur" }).click();
      await expect.poll(() => page.locator("#deadline").innerText()).toBe(deadline.sentence);
      expect(sidebar.calls.slice(3, 5)).toEqual(["runPrepare", "panelCampaign"]);
    } finally {
      await sidebar.close();
    }
  });

  it("stays hidden, and the panel calm, when the Union's service cannot say", async () => {
    const rt = await openConnected(fixture("01"), functions());
    await functions().setMode({ kind: "answer", status: 503, body: { error: "Indisponible." } });
    try {
      rt.trigger("onOpen", "NONE");
      rt.clickMenu("Ouvrir le panneau");
      const sidebar = await openSidebarPage(rt);
      try {
        await expect
          .poll(() => sidebar.calls)
          .toEqual(["panelState", "panelCampaign", "panelReview"]);
        // The campaign and the Union's review, each asked once.
        await expect.poll(() => rt.urlFetch.requests.length).toBe(2);
        // The answers (null) reach the page right after the requests; give them a moment to render anything.
        await sidebar.page.waitForTimeout(200);
        expect(await sidebar.page.locator("#deadline").isHidden()).toBe(true);
        expect(await sidebar.page.locator("#review").isHidden()).toBe(true);
        expect(await sidebar.page.getByRole("alert").count()).toBe(0);
      } finally {
        await sidebar.close();
      }
    } finally {
      await functions().setMode({ kind: "pass" });
    }
  });
});
