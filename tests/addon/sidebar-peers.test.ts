// The custom peer set form in the sidebar, in headless Chromium: labelled choices, the choice stored through the
// Union's functions and said back in words, a refusal announced, at 300 px without WCAG 2.1 AA violation.
// biome-ignore-all lint/performance/useDomNodeTextContent: these tests check the text as Chromium renders it to the reader (innerText: visible text, line breaks, reading order), which textContent is not.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { axeViolations } from "@barometre/testing/axe-page";
import { fixture } from "@barometre/testing/legacy-fixtures";
import { afterAll, describe, expect, it } from "vitest";
import { closeBrowser, openSidebarPage } from "../harness/sidebar-browser.ts";
import { openConnected } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const ARTIFACTS = join(import.meta.dirname, "../../test-artifacts");
const functions = useFunctionsThread();

afterAll(async () => {
  await closeBrowser();
});

describe("the custom peer set in the sidebar", () => {
  it("chooses criteria with labelled fields, says the set in force, fits 300 px and meets WCAG AA", async () => {
    const rt = await openConnected(fixture("03"), functions());
    rt.trigger("onOpen", "NONE");
    rt.clickMenu("Ouvrir le panneau");
    const sidebar = await openSidebarPage(rt);
    const { page } = sidebar;
    try {
      const section = page.locator("#peers");
      await expect.poll(() => section.innerText()).toContain("Aucun groupe choisi");
      await page.getByLabel("Type de territoire").selectOption("Urbain hors QPV");
      await page
        .getByLabel("Effectif en ETP")
        .selectOption({ label: "effectif : 2e tiers de l'an dernier" });
      await page.getByRole("button", { name: "Choisir ce groupe de pairs" }).click();
      await page.getByText("Groupe de pairs enregistré").waitFor();
      await expect
        .poll(() => section.innerText())
        .toContain(
          "Groupe en vigueur : Urbain hors QPV ; effectif : 2e tiers de l'an dernier (choisi pour la campagne 2018).",
        );
      expect(await page.getByLabel("Type de territoire").inputValue()).toBe("Urbain hors QPV");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        300,
      );
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "sidebar-peers.png"), fullPage: true });
      const violations = (await axeViolations(page)).map((v) => `${v.id} (${v.nodes.length})`);
      expect(violations).toEqual([]);

      // Nothing chosen: refused in French, announced as an alert, the set in force unchanged.
      await page.getByLabel("Type de territoire").selectOption("");
      await page.getByLabel("Effectif en ETP").selectOption("");
      await page.getByRole("button", { name: "Choisir ce groupe de pairs" }).click();
      await expect
        .poll(() => page.getByRole("alert").innerText())
        .toContain("doit donner un territoire");
      expect(await section.innerText()).toContain("Groupe en vigueur : Urbain hors QPV");
    } finally {
      await sidebar.close();
    }
  });
});
