// Trajectories in the sidebar after a send, in headless Chromium: each indicator's values per campaign, a gap read
// as a gap (never a zero), the arrow with its words for screen readers; at 300 px, without WCAG 2.1 AA violation.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import {
  computeIndicators,
  formatIndicatorValue,
  type Indicators,
  indexPopulation,
  indicator,
  type Member,
  NUMERIC_INDICATOR_KEYS,
  type PimmsReturn,
  positionStructure,
} from "@barometre/shared";
import { axeViolations } from "@barometre/testing/axe-page";
import { fixture, LEGACY_FIXTURES } from "@barometre/testing/legacy-fixtures";
import { ATTESTATION } from "@barometre/testing/stack";
import { afterAll, describe, expect, it } from "vitest";
import { closeBrowser, openSidebarPage } from "../harness/sidebar-browser.ts";
import { openConnected } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";

const ARTIFACTS = join(import.meta.dirname, "../../test-artifacts");
const functions = useFunctionsThread();

afterAll(async () => {
  await closeBrowser();
});

const member = (ret: PimmsReturn): Member => ({
  structureCode: ret.identification.structureCode as string,
  territory: ret.identification.territory,
  indicators: computeIndicators(ret),
});

/** The same indicators one unit lower: every computable value rises from 2016 to 2018. */
function lower(indicators: Indicators): Indicators {
  return Object.fromEntries(
    Object.entries(indicators).map(([key, r]) => [
      key,
      { ...r, value: typeof r.value === "number" ? r.value - 1 : r.value },
    ]),
  ) as Indicators;
}

describe("trajectories in the sidebar", () => {
  it("show each indicator's values per campaign with gaps as gaps and an arrow in words, at 300 px and WCAG AA", async () => {
    const fx = fixture("04");
    const real = await functions().post(
      "submitReturn",
      JSON.stringify({
        return: fx.ret,
        idempotencyKey: "cle-trajectoire-04",
        attestation: ATTESTATION,
      }),
      fx.ret.identification.directorEmail as string,
    );
    expect(real.status).toBe(200);
    const population = indexPopulation(
      LEGACY_FIXTURES.map((f) => member(f.ret)),
      5,
    );
    const now = member(fx.ret);
    // 2016 held with the structure's return one unit lower, 2017 held without its return: a gap.
    const positioning = positionStructure(population, now, undefined, {
      history: {
        year: 2018,
        past: [
          { year: 2016, population, member: { ...now, indicators: lower(now.indicators) } },
          { year: 2017, population, member: null },
        ],
      },
    });
    await functions().setMode({
      kind: "answer",
      status: 200,
      body: { ...(real.body as object), positioning },
    });
    const rt = await openConnected(fx, functions());
    rt.trigger("onOpen", "NONE");
    rt.clickMenu("Vérifier");
    const sidebar = await openSidebarPage(rt);
    const { page } = sidebar;
    try {
      await page.getByText("Opération terminée.").waitFor();
      await page.getByRole("button", { name: "Envoyer à l'Union" }).click();
      const table = page.locator("table.trajectory");
      await table.waitFor();
      expect(await table.locator("caption").textContent()).toBe(
        "Trajectoire : vos valeurs par campagne (« — » : pas de valeur)",
      );
      const rows = table.locator("tbody tr");
      expect(await rows.count()).toBe(NUMERIC_INDICATOR_KEYS.length);
      for (const [r, key] of NUMERIC_INDICATOR_KEYS.entries()) {
        const row = rows.nth(r);
        const value = now.indicators[key].value as number | null;
        const said = (v: number | null) =>
          v === null ? "—pas de valeur" : formatIndicatorValue(key, v);
        expect(await row.locator("th").textContent()).toBe(indicator(key).name);
        expect(await row.locator("li").allTextContents()).toEqual([
          `2016 : ${said(value === null ? null : value - 1)}`,
          "2017 : —pas de valeur",
          `2018 : ${said(value)}`,
        ]);
        expect(await row.locator("td.trend").textContent()).toBe(
          value === null ? "—" : "↗en hausse depuis 2016",
        );
      }
      // The words are for screen readers: the eye sees the arrow alone, the words take no room.
      const trend = rows.first().locator("td.trend");
      expect(await trend.locator('[aria-hidden="true"]').textContent()).toMatch(/^[↗—]$/);
      const words = await trend.locator(".sr-only").boundingBox();
      if (words) expect(words.width).toBeLessThanOrEqual(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        300,
      );
      expect((await axeViolations(page)).map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
      mkdirSync(ARTIFACTS, { recursive: true });
      await table.screenshot({ path: join(ARTIFACTS, "sidebar-trajectory.png") });
    } finally {
      await sidebar.close();
      await functions().setMode({ kind: "pass" });
    }
  });
});
