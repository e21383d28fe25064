// N-1: the previous exercice's reasons are taken from the structure's return at the Union, into empty N-1 fields only.
import { FIELDS, type Field } from "@barometre/shared";
import { fixture } from "@barometre/testing/legacy-fixtures";
import { beforeAll, describe, expect, it } from "vitest";
import type { GasRuntime } from "../harness/gas-runtime.ts";
import { openWorkbook } from "./support/addon-session.ts";
import { openConnected, submit } from "./support/connected-session.ts";
import { useFunctionsThread } from "./support/functions-thread.ts";
import { namedField } from "./support/sheet-values.ts";

const PREVIOUS = FIELDS.filter((f) => /^prev/.test(f.id));
const SOURCE: Record<string, string> = {
  prevReasonsPartners: "reasonsPartners",
  prevReasonsNonPartners: "reasonsNonPartners",
  prevReasonsDigital: "reasonsDigital",
};

const functions = useFunctionsThread();

beforeAll(async () => {
  await functions().openCampaign(2017);
});

/** Empties the row right of each N-1 label of the legacy tabs, as in a workbook that never had them. */
function clearLegacyPrevious(rt: GasRuntime): void {
  const labels = new Set(PREVIOUS.map((f) => f.label));
  for (const sheet of rt.book.sheets) {
    const { rows, cols } = rt.book.extent(sheet);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (labels.has(String(rt.book.value(sheet, r, c)).trim())) {
          rt.book.write(sheet, r, c + 1, [Array.from({ length: cols - c - 1 }, () => "")]);
        }
      }
    }
  }
}

const previousValues = (rt: GasRuntime) =>
  Object.fromEntries(PREVIOUS.map((f: Field) => [f.id, namedField(rt.book, f)]));

describe("N-1", () => {
  const fx = fixture("04");
  let sent2017: Record<string, number>;

  beforeAll(async () => {
    const rt = await openConnected(fx, functions());
    const year = rt.book.names.get("fld_identification_year");
    rt.spreadsheet.getRange(`'${year?.sheet}'!B${(year?.range.top ?? 0) + 1}`).setValue(2017);
    expect(submit(rt)).toMatchObject({ sent: true });
    sent2017 = Object.fromEntries(
      Object.entries(SOURCE).map(([prev, id]) => [
        prev,
        (fx.ret.activity as Record<string, number>)[id] as number,
      ]),
    );
  });

  it("fills the empty N-1 fields from the previous return while preparing", async () => {
    const rt = await openConnected(fx, functions(), { prepare: false });
    clearLegacyPrevious(rt);
    // A colleague's send waits on the document lock: no call to the Union is made while it is held.
    const lockHeld: boolean[] = [];
    const fetch = rt.urlFetch.fetch.bind(rt.urlFetch);
    rt.urlFetch.fetch = ((...args: Parameters<typeof fetch>) => {
      lockHeld.push(rt.lock.hasLock());
      return fetch(...args);
    }) as typeof fetch;
    const prepared = rt.run("runPrepare") as { value: { previousYear: string } };
    expect(prepared.value.previousYear).toBe("Motifs N-1 repris du retour 2017 envoyé à l'Union.");
    expect(lockHeld).toEqual([false, false]);
    expect(rt.lock.acquisitions).toBe(1);
    expect(previousValues(rt)).toEqual(sent2017);
    const [request] = rt.urlFetch.requests;
    expect(request?.url).toBe(
      `${functions().proxy}/previousReturn?structureCode=PIMMS-RENNES&year=2017`,
    );
    expect(request?.headers.Authorization).toMatch(/^Bearer /);
  });

  it("a colleague preparing during the N-1 fetch: no tab twice, a true message, the next run finds all", async () => {
    const rt = await openConnected(fx, functions(), { prepare: false });
    clearLegacyPrevious(rt);
    const fetch = rt.urlFetch.fetch.bind(rt.urlFetch);
    let colleague: unknown = null;
    rt.urlFetch.fetch = ((...args: Parameters<typeof fetch>) => {
      if (colleague === null) {
        colleague = "running";
        colleague = rt.run("runPrepare");
      }
      return fetch(...args);
    }) as typeof fetch;
    const mine = rt.run("runPrepare");
    expect(colleague).toMatchObject({ ok: true, value: { kept: [] } });
    expect(mine).toEqual({
      ok: false,
      message:
        "La préparation a été interrompue avant d'ajouter un onglet ; vos saisies n'ont pas été modifiées. Relancez « Préparer le classeur ».",
    });
    const names = rt.book.sheets.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(rt.run("runPrepare")).toMatchObject({ ok: true, value: { created: [] } });
    expect(previousValues(rt)).toEqual(sent2017);
  });

  it("never overwrites N-1 values already there", async () => {
    const rt = await openConnected(fx, functions(), { prepare: false });
    const prepared = rt.run("runPrepare") as { value: { previousYear: string | null } };
    expect(prepared.value.previousYear).toBeNull();
    expect(previousValues(rt)).toEqual(
      Object.fromEntries(
        PREVIOUS.map((f) => [f.id, (fx.ret.activity as Record<string, unknown>)[f.id]]),
      ),
    );
    expect(rt.urlFetch.requests.filter((r) => r.url.includes("/previousReturn"))).toHaveLength(0);
  });

  it("fills them in an already prepared workbook once the service is reachable", async () => {
    const rt = await openWorkbook(fx.xlsx);
    clearLegacyPrevious(rt);
    rt.run("runPrepare");
    expect(Object.values(previousValues(rt))).toEqual([null, null, null]);
    const token = await functions().token(fx.ret.identification.directorEmail as string);
    rt.setFunctionsUrl(functions().proxy);
    Object.assign(rt.urlFetch.options, { whitelist: [functions().proxy] });
    rt.identityToken = () => token;
    const again = rt.run("runPrepare") as { value: { created: string[]; previousYear: string } };
    expect(again.value.created).toEqual([]);
    expect(previousValues(rt)).toEqual(sent2017);
  });

  it("says so when the Union has no previous return", async () => {
    const rt = await openConnected(fixture("05"), functions(), { prepare: false });
    clearLegacyPrevious(rt);
    const prepared = rt.run("runPrepare") as { value: { previousYear: string } };
    expect(prepared.value.previousYear).toBe(
      "Aucun retour 2017 de la structure n'est connu de l'Union : saisissez les motifs N-1 si vous les connaissez.",
    );
    expect(Object.values(previousValues(rt))).toEqual([null, null, null]);
  });
});
