// Ui of the harness: records the add-on menu, the sidebar shown and any alert, as Sheets would display them.
import { asGas } from "./as-gas.ts";
import type { HarnessHtmlOutput } from "./html-service.ts";

export interface MenuItem {
  caption: string;
  functionName: string;
}

/** The Ui.Button / Ui.ButtonSet enums as Apps Script exposes them. */
const BUTTONS = { CLOSE: "CLOSE", OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO" };
const BUTTON_SETS = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
};

export class HarnessUi
  implements Pick<GoogleAppsScript.Base.Ui, "createAddonMenu" | "alert" | "showSidebar">
{
  readonly Button = asGas<typeof GoogleAppsScript.Base.Button>(BUTTONS);
  readonly ButtonSet = asGas<typeof GoogleAppsScript.Base.ButtonSet>(BUTTON_SETS);
  /** The add-on menu once addToUi() ran. */
  menu: MenuItem[] | null = null;
  sidebar: HarnessHtmlOutput | null = null;
  readonly alerts: string[] = [];

  createAddonMenu(): GoogleAppsScript.Base.Menu {
    const items: MenuItem[] = [];
    const menu: Pick<GoogleAppsScript.Base.Menu, "addItem" | "addSeparator" | "addToUi"> = {
      addItem: (caption: string, functionName: string) => {
        items.push({ caption, functionName });
        return asGas(menu);
      },
      addSeparator: () => asGas(menu),
      addToUi: () => {
        this.menu = items;
      },
    };
    return asGas(menu);
  }

  alert(a: string, b?: unknown, _buttons?: unknown): GoogleAppsScript.Base.Button {
    this.alerts.push(typeof b === "string" ? `${a}\n${b}` : a);
    return BUTTONS.OK as unknown as GoogleAppsScript.Base.Button;
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.sidebar = userInterface as unknown as HarnessHtmlOutput;
  }
}
