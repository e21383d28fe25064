// The sidebar the add-on showed, in headless Chromium, with google.script.run bridged to the harness runtime.
import { type Browser, chromium, type Page } from "playwright-core";
import type { GasRuntime } from "./gas-runtime.ts";

/** google.script.run as the page sees it: a runner per call, handlers called back asynchronously. */
const BRIDGE = `
(() => {
  const runner = (success, failure) =>
    new Proxy({}, {
      get(_target, name) {
        if (name === "withSuccessHandler") return (fn) => runner(fn, failure);
        if (name === "withFailureHandler") return (fn) => runner(success, fn);
        if (name === "withUserObject") return () => runner(success, failure);
        return (...args) => {
          window.__gasRun(String(name), JSON.stringify(args)).then((text) => {
            const answer = JSON.parse(text);
            if (answer.ok) success && success(answer.value);
            else failure && failure(new Error(answer.message));
          });
        };
      },
    });
  window.google = { script: { run: runner(null, null), host: { close() {} } } };
})();
`;

/** Never reached: the page's request is answered by the route below. */
const SIDEBAR_URL = "https://sidebar.barometre.invalid/";

export interface SidebarPage {
  page: Page;
  /** The server functions the page called, in order. */
  calls: string[];
  /** Holds the next call of `name` until the returned function is called, to look at the page meanwhile. */
  hold(name: string): () => void;
  close(): Promise<void>;
}

let browser: Browser | null = null;

async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = null;
}

/** Opens what Ui.showSidebar last received, at the sidebar's width in Google Sheets (300 px). */
export async function openSidebarPage(rt: GasRuntime, width = 300): Promise<SidebarPage> {
  const html = rt.ui.sidebar?.getContent();
  if (!html) throw new Error("The add-on has shown no sidebar");
  const page = await (await launch()).newPage({ viewport: { width, height: 1000 } });
  const calls: string[] = [];
  const holds = new Map<string, Promise<void>>();
  await page.exposeBinding("__gasRun", async (_source, name: string, args: string) => {
    calls.push(name);
    await holds.get(name);
    holds.delete(name);
    try {
      return JSON.stringify({ ok: true, value: rt.run(name, ...(JSON.parse(args) as unknown[])) });
    } catch (error) {
      return JSON.stringify({ ok: false, message: (error as Error).message });
    }
  });
  await page.addInitScript(BRIDGE);
  // Served from an intercepted address, as Apps Script serves it (an init script needs a navigation).
  await page.route(SIDEBAR_URL, (route) =>
    route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }),
  );
  await page.goto(SIDEBAR_URL);
  return {
    page,
    calls,
    hold(name) {
      let release = () => {};
      holds.set(name, new Promise<void>((resolve) => (release = resolve)));
      return () => release();
    },
    close: () => page.close(),
  };
}
