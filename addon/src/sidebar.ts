// Opens the sidebar, optionally asking it to start an action (a menu item opens it that way).
import type { PanelAction } from "./panel-types.ts";

export const SIDEBAR_TITLE = "Baromètre des PIMMS";

export function openSidebar(action: PanelAction | null): void {
  const template = HtmlService.createTemplateFromFile("Sidebar");
  template.initialAction = action ?? "";
  SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle(SIDEBAR_TITLE));
}
