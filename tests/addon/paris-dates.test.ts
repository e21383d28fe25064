// The sidebar's last send is the day and time in Paris, even in a spreadsheet set to another time zone.
import { describe, expect, it } from "vitest";
import { fixture, openWorkbook } from "./support/addon-session.ts";

describe("the sidebar's last send", () => {
  it.each(["America/New_York", "Europe/Paris", "Asia/Tokyo"])(
    "sent at 23:30 UTC on 4 December reads 05/12/2026 à 00:30 in a %s spreadsheet",
    async (timeZone) => {
      const rt = await openWorkbook(fixture("04-pimms-rennes-A.xlsx"), { timeZone });
      rt.documentProperties.setProperty(
        "barometre.lastSubmission",
        JSON.stringify({
          revision: 2,
          at: "2026-12-04T23:30:00.000Z",
          who: "direction@pimms-rennes.example",
          structureCode: "PIMMS-RENNES",
          year: 2018,
          idempotencyKey: "paris-dates",
          contentHash: "0".repeat(64),
        }),
      );
      const state = rt.run("panelState") as {
        ok: true;
        value: { lastSubmission: { when: string } };
      };
      expect(state.value.lastSubmission.when).toBe("05/12/2026 à 00:30");
    },
  );
});
