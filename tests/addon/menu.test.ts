// The add-on menu: built in AuthMode.NONE without any service needing consent, each item opening the sidebar on its action.
import { describe, expect, it } from "vitest";
import { fixture, openWorkbook } from "./support/addon-session.ts";

const WORKBOOK = fixture("04-pimms-rennes-A.xlsx");

describe("menu", () => {
  it("is built by onOpen in AuthMode.NONE, touching the Ui only", async () => {
    const rt = await openWorkbook(WORKBOOK);
    rt.trigger("onOpen", "NONE");
    expect(rt.ui.menu?.map((i) => i.caption)).toEqual([
      "Préparer le classeur",
      "Vérifier",
      "Envoyer à l'Union",
      "Ouvrir le panneau",
    ]);
    expect(rt.book.calls.count()).toBe(0);
  });

  it("is built by onInstall too", async () => {
    const rt = await openWorkbook(WORKBOOK);
    rt.trigger("onInstall", "NONE");
    expect(rt.ui.menu).toHaveLength(4);
  });

  it("would have failed had onOpen touched a service needing consent", async () => {
    const rt = await openWorkbook(WORKBOOK);
    const app = (rt.context as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp })
      .SpreadsheetApp;
    expect(() => rt.auth.run("NONE", () => app.getActiveSpreadsheet())).toThrow(/permission/);
    expect(() => rt.auth.run("NONE", () => app.getUi().createAddonMenu())).not.toThrow();
  });

  it.each([
    ["Préparer le classeur", "prepare"],
    ["Vérifier", "verify"],
    ["Envoyer à l'Union", "submit"],
    ["Ouvrir le panneau", ""],
  ])("« %s » opens the sidebar on its action", async (caption, action) => {
    const rt = await openWorkbook(WORKBOOK);
    rt.trigger("onOpen", "NONE");
    rt.clickMenu(caption);
    expect(rt.ui.sidebar?.getTitle()).toBe("Baromètre des PIMMS");
    expect(rt.ui.sidebar?.getContent()).toContain(`data-action="${action}"`);
  });
});
