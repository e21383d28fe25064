// The add-on menu under Extensions, and the simple triggers that build it.
import { openSidebar } from "./sidebar.ts";

/** Caption and global function of each item; the build checks each function is a top-level declaration. */
export const MENU_ITEMS = [
  { caption: "Préparer le classeur", functionName: "menuPrepare" },
  { caption: "Vérifier", functionName: "menuVerify" },
  { caption: "Envoyer à l'Union", functionName: "menuSubmit" },
  { caption: "Ouvrir le panneau", functionName: "menuOpenPanel" },
] as const;

/** Runs in AuthMode.NONE too: it touches the Ui only, never a service needing authorisation. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.caption, item.functionName);
  menu.addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export const menuPrepare = (): void => openSidebar("prepare");
export const menuVerify = (): void => openSidebar("verify");
export const menuSubmit = (): void => openSidebar("submit");
export const menuOpenPanel = (): void => openSidebar(null);
