// A Chromium page for accessibility checks: axe-core's WCAG 2.1 A and AA rules run on any HTML, for one test file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxePage {
  page: Page;
  /** Loads the HTML in the page, and the axe-core rules it breaks, with the start of each offending element. */
  violations(html: string): Promise<{ id: string; nodes: string[] }[]>;
}

/** The axe-core WCAG 2.1 A and AA rules the page as it stands breaks, with the start of each offending element. */
export async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: { id: string; nodes: { html: string }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => n.html.slice(0, 120)),
    }));
  }, WCAG_21_AA);
}

/** `look` run on `html` shown `width` CSS pixels wide, as on a phone; the page gets its former size back after. */
export async function atWidth<T>(
  page: Page,
  width: number,
  html: string,
  look: () => Promise<T>,
): Promise<T> {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height: 800 });
  try {
    await page.setContent(html);
    return await look();
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** Starts Chromium before the file's tests and closes it after; the getter gives the page to the tests. */
export function useAxePage(): () => AxePage {
  let browser: Browser | undefined;
  let axePage: AxePage | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const page = await browser.newPage();
    axePage = {
      page,
      async violations(html) {
        await page.setContent(html);
        return axeViolations(page);
      },
    };
  });
  afterAll(async () => browser?.close());
  return () => {
    if (!axePage) throw new Error("The browser is not started yet");
    return axePage;
  };
}
