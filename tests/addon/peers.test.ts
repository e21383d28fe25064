// The custom peer set in the add-on, against the local functions: panelCampaign says the set in force and what may be
// chosen, runChoosePeers sends the choice to choosePeers, a refusal comes back in French with the set unchanged, and
// a closed campaign shows the set without the form's choices.

import { fixture } from "@barometre/testing/legacy-fixtures";
import { describe, expect, it } from "vitest";
import type { GasRuntime } from "../harness/gas-runtime.ts";
import { openConnected } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";
import { CAMPAIGN_YEAR } from "./support/local-functions.ts";

const functions = useFunctionsThread();

/** A server function's answer, its value in the shape the test reads. */
type Run<T = unknown> = { ok: true; value: T } | { ok: false; message: string };

const peersOf = (rt: GasRuntime) => {
  const answer = rt.run("panelCampaign") as Run<{ peers?: { description: string | null } } | null>;
  expect(answer.ok).toBe(true);
  return answer.ok ? answer.value?.peers : null;
};

function setYear(rt: GasRuntime, year: number): void {
  const at = rt.book.names.get("fld_identification_year");
  rt.spreadsheet.getRange(`'${at?.sheet}'!B${(at?.range.top ?? 0) + 1}`).setValue(year);
}

describe("the custom peer set in the sidebar", () => {
  it("says none is chosen, offers the territories and the default bands, and stores a choice through choosePeers", async () => {
    const fx = fixture("03");
    const rt = await openConnected(fx, functions());
    expect(peersOf(rt)).toMatchObject({
      description: null,
      open: true,
      transparent: false,
      territories: ["Urbain QPV", "Urbain hors QPV", "Rural"],
      bands: {
        charges: [
          "charges : 1er tiers de l'an dernier",
          "charges : 2e tiers de l'an dernier",
          "charges : 3e tiers de l'an dernier",
        ],
      },
    });
    const chosen = rt.run("runChoosePeers", { territory: "Rural", chargesBand: 0 }) as Run<{
      peers: unknown;
    }>;
    expect(chosen.ok).toBe(true);
    const request = rt.urlFetch.requests.find((r) => r.url.endsWith("/choosePeers"));
    expect(JSON.parse(request?.payload ?? "")).toEqual({
      structureCode: fx.ret.identification.structureCode,
      year: CAMPAIGN_YEAR,
      peers: { territory: "Rural", chargesBand: 0 },
    });
    expect(chosen.ok && chosen.value.peers).toMatchObject({
      description: "Rural ; charges : 1er tiers de l'an dernier",
      chosenFor: CAMPAIGN_YEAR,
      territory: "Rural",
      chargesBand: 0,
      fteBand: null,
    });
  });

  it("answers a refused choice in French and keeps the set in force; a dropped set is gone", async () => {
    const rt = await openConnected(fixture("05"), functions());
    expect((rt.run("runChoosePeers", { fteBand: 2 }) as Run).ok).toBe(true);
    const named = rt.run("runChoosePeers", { codes: ["PIMMS-ANTONY"] }) as Run;
    expect(named).toEqual({
      ok: false,
      message: expect.stringContaining("qu'en campagne transparente"),
    });
    expect(peersOf(rt)?.description).toBe("effectif : 3e tiers de l'an dernier");
    const empty = rt.run("runChoosePeers", {}) as Run;
    expect(empty).toEqual({
      ok: false,
      message: expect.stringContaining("Rien n'a été enregistré"),
    });
    expect((rt.run("runChoosePeers", null) as Run).ok).toBe(true);
    expect(peersOf(rt)?.description).toBeNull();
  });

  it("shows a closed campaign's set without letting it change", async () => {
    const rt = await openConnected(fixture("04"), functions());
    await functions().openCampaign(2016);
    await functions().closeCampaign(2016);
    setYear(rt, 2016);
    expect(peersOf(rt)).toMatchObject({ open: false, description: null });
    const late = rt.run("runChoosePeers", { territory: "Rural" }) as Run;
    expect(late).toEqual({ ok: false, message: expect.stringContaining("close") });
  });
});
