// Runs the built addon/dist/Code.js in a Node vm context against the harness services, as Apps Script would.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { FUNCTIONS_URL_GLOBAL } from "@barometre/shared";
import { asGas } from "./as-gas.ts";
import { AuthGate, type AuthModeName } from "./auth-gate.ts";
import { Book } from "./book.ts";
import { htmlService } from "./html-service.ts";
import {
  HarnessLock,
  HarnessProperties,
  lockService,
  propertiesService,
  scriptApp,
} from "./script-services.ts";
import { transported } from "./script-values.ts";
import { HarnessSpreadsheet, spreadsheetApp } from "./spreadsheet.ts";
import { HarnessUi } from "./ui.ts";
import { HarnessUrlFetch } from "./url-fetch.ts";
import { utilities } from "./utilities.ts";

export interface RuntimeOptions {
  /** The folder holding Code.js and the HTML files (addon/dist). */
  distDir: string;
  /** The manifest's urlFetchWhitelist as deployed for this test. */
  whitelist: readonly string[];
  /** The Google ID token ScriptApp.getIdentityToken() returns. */
  identityToken: () => string;
  scriptProperties?: Record<string, string>;
  /**
   * The functions' address as if the add-on had been built for it (both its whitelist entry, given by
   * `whitelist`, and Code.js's BAROMETRE_FUNCTIONS_URL come from it); null: built without one.
   */
  functionsUrl?: string | null;
  timeZone?: string;
  fetchTimeoutMs?: number;
  /** The user's language, in which Apps Script words its exceptions (default English). */
  userLanguage?: "en" | "fr";
}

export class GasRuntime {
  readonly auth = new AuthGate();
  readonly context: vm.Context;
  readonly book: Book;
  readonly ui = new HarnessUi();
  readonly lock = new HarnessLock();
  readonly scriptProperties = new HarnessProperties();
  readonly documentProperties = new HarnessProperties();
  readonly urlFetch: HarnessUrlFetch;
  /** Everything the script wrote to console or Logger. */
  readonly logs: string[] = [];
  /** What ScriptApp.getIdentityToken() returns: the signed-in user, who a test may change. */
  identityToken: () => string;

  constructor(options: RuntimeOptions) {
    this.identityToken = options.identityToken;
    this.context = vm.createContext({});
    const ScriptDate = vm.runInContext("Date", this.context) as DateConstructor;
    this.book = new Book(options.timeZone ?? "Europe/Paris", (ms) => new ScriptDate(ms));
    for (const [k, v] of Object.entries(options.scriptProperties ?? {})) {
      this.scriptProperties.setProperty(k, v);
    }
    this.urlFetch = new HarnessUrlFetch(this.auth, {
      whitelist: options.whitelist,
      timeoutMs: options.fetchTimeoutMs ?? 60_000,
      language: options.userLanguage,
    });
    const log = (...args: unknown[]) => {
      this.logs.push(args.map(String).join(" "));
    };
    Object.assign(this.context, {
      SpreadsheetApp: spreadsheetApp(this.book, this.auth, asGas(this.ui)),
      HtmlService: htmlService(options.distDir),
      UrlFetchApp: this.urlFetch,
      ScriptApp: scriptApp(this.auth, () => this.identityToken()),
      LockService: lockService(this.auth, this.lock),
      PropertiesService: propertiesService(
        this.auth,
        this.scriptProperties,
        this.documentProperties,
      ),
      Utilities: utilities(),
      console: { log, info: log, warn: log, error: log },
      Logger: { log },
    });
    vm.runInContext(readFileSync(join(options.distDir, "Code.js"), "utf8"), this.context, {
      filename: "Code.js",
    });
    if (options.functionsUrl !== undefined) this.setFunctionsUrl(options.functionsUrl);
  }

  /** The add-on rebuilt for another address (or none) and deployed again, its document kept. */
  setFunctionsUrl(url: string | null): void {
    (this.context as Record<string, unknown>)[FUNCTIONS_URL_GLOBAL] = url;
  }

  /** The document as a test sees it (its calls are counted too: reset the log before measuring). */
  get spreadsheet(): HarnessSpreadsheet {
    return new HarnessSpreadsheet(this.book);
  }

  private globalFunction(name: string): (...args: unknown[]) => unknown {
    const fn = (this.context as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw new Error(`Script function not found: ${name}`);
    return fn as (...args: unknown[]) => unknown;
  }

  /** Fires a simple trigger (onOpen, onInstall) in the given authorisation mode. */
  trigger(name: "onOpen" | "onInstall", authMode: AuthModeName): unknown {
    const source = authMode === "NONE" ? undefined : this.spreadsheet;
    return this.auth.run(authMode, () => this.globalFunction(name)({ authMode, source }));
  }

  /** Clicks a menu item of the add-on menu by its caption. */
  clickMenu(caption: string): unknown {
    const item = this.ui.menu?.find((i) => i.caption === caption);
    if (!item) throw new Error(`No menu item « ${caption} »`);
    return this.globalFunction(item.functionName)();
  }

  /** A google.script.run call from the sidebar: arguments and result cross as the transport allows. */
  run(name: string, ...args: unknown[]): unknown {
    return transported(this.globalFunction(name)(...transported(args)));
  }
}
