// The sidebar in headless Chromium, bridged to the harness: verify, click a finding, send, read the result; by keyboard, at 300 px.
// biome-ignore-all lint/performance/useDomNodeTextContent: these tests check the text as Chromium renders it to the reader (innerText: visible text, line breaks, reading order), which textContent is not.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type LastNetwork, NUMERIC_INDICATOR_KEYS } from "@barometre/shared";
import { axeViolations } from "@barometre/testing/axe-page";
import { fixture } from "@barometre/testing/legacy-fixtures";
import { afterAll, describe, expect, it } from "vitest";
import type { GasRuntime } from "../harness/gas-runtime.ts";
import { closeBrowser, openSidebarPage, type SidebarPage } from "../harness/sidebar-browser.ts";
import { snapshot } from "../harness/snapshot.ts";
import { openConnected } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const ARTIFACTS = join(import.meta.dirname, "../../test-artifacts");

const functions = useFunctionsThread();

afterAll(async () => {
  await closeBrowser();
});

async function verifiedSidebar(): Promise<{ rt: GasRuntime; sidebar: SidebarPage }> {
  const rt = await openConnected(fixture("03"), functions());
  rt.trigger("onOpen", "NONE");
  rt.clickMenu("Vérifier");
  const sidebar = await openSidebarPage(rt);
  await sidebar.page.getByText("Opération terminée.").waitFor();
  return { rt, sidebar };
}

/** Writes a cell of a validated input through its defined name, as the user typing in it. */
function type(rt: GasRuntime, name: string, value: number): void {
  const at = rt.book.names.get(name);
  rt.spreadsheet.getRange(`'${at?.sheet}'!B${(at?.range.top ?? 0) + 1}`).setValue(value);
}

describe("sidebar", () => {
  it("verifies, selects a finding's cell, sends once corrected and shows the result", async () => {
    const { rt, sidebar } = await verifiedSidebar();
    const { page } = sidebar;
    try {
      await expect
        .poll(() => page.locator("#completeness").innerText())
        .toContain("Champs obligatoires remplis : 22 sur 22 (100\u00a0%).");
      const finding = page.locator(".finding-error button").first();
      await expect.poll(() => finding.innerText()).toContain("dépasse « Total des charges »");
      await finding.click();
      await expect.poll(() => rt.book.active?.sheet).toBe("Données financières");
      expect(rt.book.active?.range).toMatchObject({ top: 7, left: 1 });
      await expect
        .poll(() =>
          page.locator(".indicator-line").filter({ hasText: "Taux de formation" }).innerText(),
        )
        .toMatch(/1,2\u00a0%\s*Orange/);

      type(rt, "fld_finance_chargesTotal", 572_941.46);
      const release = sidebar.hold("runSubmit");
      await page.getByRole("button", { name: "Envoyer à l'Union" }).click();
      await page.getByText("Étape 2 sur 2 : Envoi à l'Union et positionnement…").waitFor();
      await expect.poll(() => page.locator("progress").first().getAttribute("value")).toBe("1");
      release();
      await page
        .getByText("Retour envoyé à l'Union : révision 1 enregistrée.", { exact: false })
        .waitFor();
      await expect
        .poll(() => page.locator(".last-submission").innerText())
        .toMatch(
          /^Dernier envoi : révision 1 du retour 2018 \(PIMMS-ANTONY\), le \d\d\/\d\d\/\d{4} à \d\d:\d\d, par direction@antony\.pimms\.example\.$/,
        );
      expect(sidebar.calls).toEqual([
        "panelState",
        "panelCampaign",
        "panelReview",
        "runVerify",
        "selectCell",
        "runVerify",
        "runSubmit",
        "panelReview",
      ]);
      await page.locator("table.positioning").waitFor();
      // Sheets gives a sidebar 300 px: the positioning table must fit without a horizontal scroll.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        300,
      );
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "sidebar.png"), fullPage: true });
    } finally {
      await sidebar.close();
    }
  });

  it("works with the keyboard alone, fits 300 px and meets WCAG AA", async () => {
    const { rt, sidebar } = await verifiedSidebar();
    const { page } = sidebar;
    try {
      await page.locator("body").focus();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Vérifier");
      await page.keyboard.press("Enter");
      await expect.poll(() => sidebar.calls.filter((c) => c === "runVerify").length).toBe(2);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Vérifier");
      await page.getByText("Opération terminée.").waitFor();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await expect.poll(() => rt.book.active?.sheet).toBe("Données financières");

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        300,
      );
      const violations = (await axeViolations(page)).map((v) => `${v.id} (${v.nodes.length})`);
      expect(violations).toEqual([]);
    } finally {
      await sidebar.close();
    }
  });

  it("places the values in last year's network before sending, within 300 px and WCAG AA", async () => {
    const fx = fixture("03");
    const rt = await openConnected(fx, functions());
    const indicators: LastNetwork["indicators"] = {};
    for (const key of NUMERIC_INDICATOR_KEYS)
      indicators[key] = { q1: 0.5, median: 1, q3: 2, highest: null, lowest: null };
    const last: LastNetwork = { year: 2017, size: 35, indicators };
    rt.documentProperties.setProperty(
      "barometre.lastNetwork",
      JSON.stringify({ forYear: fx.ret.identification.year, network: last }),
    );
    rt.trigger("onOpen", "NONE");
    rt.clickMenu("Vérifier");
    const sidebar = await openSidebarPage(rt);
    const { page } = sidebar;
    try {
      await page.getByText("Opération terminée.").waitFor();
      const standings = await page.locator(".indicator-standing").allTextContents();
      expect(standings.length).toBeGreaterThan(0);
      for (const text of standings) expect(text).toMatch(/^Avant envoi : .+ du réseau 2017\.$/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        300,
      );
      expect((await axeViolations(page)).map((v) => v.id)).toEqual([]);
    } finally {
      await sidebar.close();
    }
  });

  it("says calmly that the Union's service failed, and loses nothing", async () => {
    const { rt, sidebar } = await verifiedSidebar();
    const { page } = sidebar;
    try {
      type(rt, "fld_finance_chargesTotal", 572_941.46);
      const before = snapshot(rt.book);
      await functions().setMode({ kind: "answer", status: 503, body: { error: "Indisponible." } });
      await page.getByRole("button", { name: "Envoyer à l'Union" }).click();
      const alert = page.getByRole("alert");
      await expect
        .poll(() => alert.innerText())
        .toBe(
          "Le service de l'Union rencontre un problème passager (code 503). Rien n'a été enregistré et votre classeur est intact : réessayez dans quelques minutes.",
        );
      expect(snapshot(rt.book)).toEqual(before);
    } finally {
      await functions().setMode({ kind: "pass" });
      await sidebar.close();
    }
  });
});
