// The campaign in the add-on: prepare tells the Union's functions (never failing when they are away), and the
// sidebar's panelCampaign says the deadline in French from campaignInfo, or nothing when it cannot.

import { fixture } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import type { GasRuntime } from "../harness/gas-runtime.ts";
import { openWorkbook } from "./support/addon-session.ts";
import { openConnected } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";
import { CAMPAIGN_YEAR } from "./support/local-functions.ts";
import { parisDayIn } from "./support/paris-day.ts";

const functions = useFunctionsThread();

function campaignText(rt: GasRuntime): string | null {
  const answer = rt.run("panelCampaign") as { ok: true; value: { text: string } | null };
  expect(answer.ok).toBe(true);
  return answer.value?.text ?? null;
}

function setYear(rt: GasRuntime, year: number): void {
  const at = rt.book.names.get("fld_identification_year");
  rt.spreadsheet.getRange(`'${at?.sheet}'!B${(at?.range.top ?? 0) + 1}`).setValue(year);
}

describe("the prepared signal", () => {
  it("tells the functions once the tabs are added, after the N-1 lookup; a later one keeps the first date", async () => {
    const fx = fixture("02");
    const rt = await openConnected(fx, functions(), { prepare: false });
    const answer = rt.run("runPrepare") as { ok: boolean; value: { created: string[] } };
    expect(answer.ok).toBe(true);
    expect(answer.value.created.length).toBeGreaterThan(0);
    const report = rt.urlFetch.requests.at(-1);
    expect(report?.url).toBe(`${functions().proxy}/reportProgress`);
    expect(report?.method).toBe("POST");
    expect(JSON.parse(report?.payload ?? "")).toEqual({
      structureCode: fx.ret.identification.structureCode,
      year: CAMPAIGN_YEAR,
      step: "prepared",
    });
    const again = await functions().post(
      "reportProgress",
      report?.payload ?? "",
      fx.ret.identification.directorEmail as string,
    );
    const stored = again.body as { preparedAt: string; lastPreparedAt: string };
    expect(again.status).toBe(200);
    expect(Date.parse(stored.preparedAt)).toBeLessThan(Date.parse(stored.lastPreparedAt));
  });

  it("never fails the preparation when the functions refuse or are away", async () => {
    await functions().setMode({ kind: "answer", status: 500, body: { error: "Panne." } });
    try {
      const rt = await openConnected(fixture("05"), functions(), { prepare: false });
      const answer = rt.run("runPrepare") as { ok: boolean; value: { created: string[] } };
      expect(answer.ok).toBe(true);
      expect(answer.value.created).toContain("Indicateurs");
      expect(rt.urlFetch.requests.map((r) => new URL(r.url).pathname)).toContain("/reportProgress");
    } finally {
      await functions().setMode({ kind: "pass" });
    }
  });

  it("sends nothing when the add-on has no address for the functions", async () => {
    const rt = await openWorkbook(fixture("06").xlsx);
    expect((rt.run("runPrepare") as { ok: boolean }).ok).toBe(true);
    expect(rt.urlFetch.requests).toEqual([]);
  });
});

describe("panelCampaign", () => {
  it("says the deadline and the days left, in French, from the prepared workbook's exercice", async () => {
    const rt = await openConnected(fixture("03"), functions());
    const deadline = parisDayIn(12);
    await functions().configureCampaign(CAMPAIGN_YEAR, { deadline: deadline.iso });
    expect(campaignText(rt)).toBe(
      `Campagne 2018 ouverte. Date limite : ${deadline.shown}, dans 12 jours.`,
    );
    const [request] = rt.urlFetch.requests;
    expect(request?.url).toBe(
      `${functions().proxy}/campaignInfo?structureCode=PIMMS-ANTONY&year=2018`,
    );
    await functions().configureCampaign(CAMPAIGN_YEAR, { deadline: parisDayIn(1).iso });
    expect(campaignText(rt)).toMatch(/^Campagne 2018 ouverte\. Date limite : .*, demain\.$/);
    await functions().configureCampaign(CAMPAIGN_YEAR, { deadline: parisDayIn(-3).iso });
    expect(campaignText(rt)).toBe(
      `Date limite : ${parisDayIn(-3).shown}, passée depuis 3 jours. Les envois de la campagne 2018 ne sont plus acceptés : contactez l'Union.`,
    );
    await functions().configureCampaign(CAMPAIGN_YEAR, { deadline: null });
    expect(campaignText(rt)).toBe("Campagne 2018 ouverte, sans date limite.");
  });

  it("says a campaign is closed, or not launched yet", async () => {
    const rt = await openConnected(fixture("04"), functions());
    await functions().openCampaign(2016);
    await functions().closeCampaign(2016);
    setYear(rt, 2016);
    expect(campaignText(rt)).toBe(
      "Campagne 2016 close : l'Union n'accepte plus de retours pour cet exercice.",
    );
    setYear(rt, 2031);
    expect(campaignText(rt)).toBe("La campagne 2031 n'a pas encore été lancée par l'Union.");
  });

  it("says nothing, calmly, when it cannot: service away, no address, workbook not prepared", async () => {
    const rt = await openConnected(fixture("01"), functions());
    await functions().setMode({ kind: "answer", status: 503, body: { error: "Indisponible." } });
    try {
      expect(campaignText(rt)).toBeNull();
    } finally {
      await functions().setMode({ kind: "pass" });
    }
    rt.setFunctionsUrl(null);
    expect(campaignText(rt)).toBeNull();

    const unprepared = await openConnected(fixture("01"), functions(), { prepare: false });
    expect(campaignText(unprepared)).toBeNull();
    expect(unprepared.urlFetch.requests).toEqual([]);
  });
});
