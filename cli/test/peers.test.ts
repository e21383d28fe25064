// barometre peers: the Union shows, chooses or drops a structure's custom peer set at its director's request, with
// the choosePeers function's checks (French refusals, exit 2, nothing stored) and an entry in the audit log.
import {
  closeCampaign,
  openCampaign,
  peersInForce,
  readAudit,
  saveStructure,
} from "@barometre/functions/admin";
import { generateNetwork } from "@barometre/shared";
import { useEmulator } from "@barometre/testing/emulator";
import { barometre } from "@barometre/testing/run-barometre";
import { ADMIN } from "@barometre/testing/stack";
import type { Firestore } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";

const network = generateNetwork({ size: 12, seed: 7 });
const YEAR = network.year;
const codes = network.structures.map((s) => s.code);
const [CODE, ...others] = codes as [string, ...string[]];
const firestore = useEmulator("peers-cli");
let db: Firestore;

beforeAll(async () => {
  db = firestore().db;
  for (const s of network.structures)
    await saveStructure(
      db,
      { code: s.code, name: s.name, territory: s.territory, emails: ["d@pimms.example"] },
      new Date(),
    );
  await openCampaign(db, YEAR - 1, {}, ADMIN, new Date());
  await closeCampaign(db, YEAR - 1, ADMIN, new Date(), { reports: false });
  await openCampaign(db, YEAR, { mode: "transparent" }, ADMIN, new Date());
});

const stored = async () => (await peersInForce(db, YEAR, CODE))?.choice ?? null;

describe("barometre peers", () => {
  it("chooses criteria for a structure, shows them with who chose them, and logs the choice", async () => {
    const set = await barometre(
      "peers",
      "set",
      CODE,
      String(YEAR),
      "--criteria",
      "territory=Rural,chargesBand=1",
    );
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe(
      `Groupe de pairs de ${network.structures[0]?.name} (${CODE}) pour ${YEAR} enregistré : critères — Rural ; charges : 2e tiers de l'an dernier.\n`,
    );
    expect(await stored()).toEqual({ territory: "Rural", chargesBand: 1 });
    const show = await barometre("peers", CODE, String(YEAR));
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(
      /^Choisi pour la campagne \d{4} par ligne de commande \(.+\), le \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d \(heure de Paris\)\.$/m,
    );
    expect(show.stdout).toContain(
      "chargesBand : 0 = charges : 1er tiers de l'an dernier ; 1 = charges : 2e tiers de l'an dernier",
    );
    const logged = await readAudit(db);
    expect(logged.map((e) => [e.action, e.structureCode, e.detail, e.via])).toContainEqual([
      "peers.choose",
      CODE,
      "critères",
      "cli",
    ]);
  });

  it("names at least five other structures in a transparent campaign, then drops the set", async () => {
    const members = others.slice(0, 5).join(",");
    const set = await barometre("peers", "set", CODE, String(YEAR), "--members", members);
    expect(set.code, set.stderr).toBe(0);
    expect(await stored()).toEqual({ codes: others.slice(0, 5) });
    const clear = await barometre("peers", "clear", CODE, String(YEAR));
    expect(clear.code, clear.stderr).toBe(0);
    expect(clear.stdout).toContain("abandonné");
    const json = await barometre("peers", CODE, String(YEAR), "--json");
    expect(JSON.parse(json.stdout)).toMatchObject({
      structureCode: CODE,
      year: YEAR,
      choice: null,
    });
    // The criteria chosen before, kept by the log.
    const logged = (await readAudit(db)).filter((e) => e.action === "peers.choose");
    expect(logged.map((e) => e.detail)).toEqual([
      "critères",
      "structures nommées",
      "groupe abandonné",
    ]);
  });

  it("refuses in French with exit 2 what the function refuses, storing nothing", async () => {
    await barometre("peers", "set", CODE, String(YEAR), "--criteria", "fteBand=0");
    const before = await stored();
    expect(before).toEqual({ fteBand: 0 });
    const y = String(YEAR);
    const five = others.slice(0, 5).join(",");
    const cases: [string[], RegExp][] = [
      [
        ["set", CODE, y, "--members", others.slice(0, 4).join(",")],
        /au moins 5 autres structures \(4 nommées\)/,
      ],
      [
        ["set", CODE, y, "--members", [...others.slice(0, 5), "PIMMS-INCONNU"].join(",")],
        /« PIMMS-INCONNU » .*n'est pas dans l'annuaire/,
      ],
      [
        ["set", "PIMMS-INCONNU", y, "--criteria", "fteBand=0"],
        /« PIMMS-INCONNU » n'est pas inscrite dans l'annuaire/,
      ],
      [
        ["set", CODE, String(YEAR - 1), "--criteria", "fteBand=0"],
        /campagne \d{4} est close .*Rien n'a été enregistré/,
      ],
      [["set", CODE, "2030", "--criteria", "fteBand=0"], /n'a pas été lancée/],
      [["set", CODE, y, "--criteria", "chargesBand=7"], /« peers\.chargesBand ».* de 0 à 2/],
      [["set", CODE, y, "--criteria", "territory=Montagne"], /« peers\.territory »/],
      [["set", CODE, y, "--criteria", "n'importe quoi"], /Critère illisible/],
      [["set", CODE, y], /--criteria .*--members/],
      [["set", CODE, y, "--criteria", "fteBand=0", "--members", five], /l'un ou l'autre/],
      [["clear", CODE, y, "--criteria", "fteBand=0"], /ne vont qu'avec « peers set »/],
      [["pas un code", y], /code structure valide/],
      [[CODE], /exercice/],
    ];
    for (const [args, why] of cases) {
      const run = await barometre("peers", ...args);
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(why);
      expect(run.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await stored()).toEqual(before);
    expect(await peersInForce(db, YEAR - 1, CODE)).toBeNull();
    expect(await peersInForce(db, 2030, "PIMMS-INCONNU")).toBeNull();
  });
});
