// Data protection, end to end: a generated network goes through the local stack (workbooks with personal details
// beside the data, tokens and requests carrying more about the person, submissions, a review, the close, every mail
// sent, the Union's sheet). Then every stored document, mail, report and sheet cell is read: nothing personal beyond
// the directory's contact addresses, nothing outside the schema, no anonymous report showing another structure.
// Finally `barometre structure erase` removes every trace of one structure, which a scan of everything proves.

import { main } from "@barometre/cli";
import { LAYOUTS, legacyWorkbook } from "@barometre/cli/demo";
import {
  addAdmin,
  openCampaign,
  RETRY_POLICY,
  sheetsClient,
  sweepOutbox,
  upkeep,
} from "@barometre/functions/admin";
import {
  computeIndicators,
  type DemoStructure,
  FIELDS,
  FUNCTION_NAMES,
  generateNetwork,
  importWorkbook,
  type PimmsReturn,
} from "@barometre/shared";
import { LOCAL_MAIL } from "@barometre/stack";
import { registerStructures } from "@barometre/testing/network";
import { CALM_SMTP, type SenderRig, startSenderRig } from "@barometre/testing/outbox";
import { pdfText } from "@barometre/testing/report-pdf-text";
import { type SheetsServer, startSheetsServer } from "@barometre/testing/sheets-server";
import { ADMIN, ATTESTATION, startTestStack, type TestStack } from "@barometre/testing/stack";
import { storedData } from "@barometre/testing/stored-documents";
import { toGrid } from "@barometre/testing/workbook-spec";
import { OAuth2Client } from "google-auth-library";
import { type ParsedMail, simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { storedKinds } from "./support/stored-layout.ts";

const network = generateNetwork({ size: 8, seed: 42 });
const year = network.year;
/** The structure erased at the end: a fragile one, so the Union's summary names it too. */
const erased = network.structures.find((s) =>
  Object.values(computeIndicators(s.current)).some((r) => r.status === "red"),
) as DemoStructure;
const others = network.structures.filter((s) => s !== erased);
const SHEET = "1UnIoNsHeEt-protection";
const SHEET_TOKEN = "ya29.protection-test";

/** What a careless system could keep about the people involved: none of it may be stored or sent. */
const PERSONAL = {
  name: "Jeanne Martin-Dupuis",
  phone: "06 12 34 56 78",
  home: "12 rue des Lilas",
  birth: "14/07/1975",
  picture: "https://photos.example/jeanne.jpg",
  agent: "NavigateurEspion/4.2",
  ip: "203.0.113.77",
};
const PHONE = /(?:\+33|\b0)\s?[1-9](?:[\s.-]?\d{2}){4}\b/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

let stack: TestStack;
let rig: SenderRig;
let sheets: SheetsServer;
const tokens: string[] = [];
let mails: ParsedMail[] = [];

/** A legacy workbook with the director's personal details written beside the data, imported as the add-on would. */
function importedReturn(s: DemoStructure): PimmsReturn {
  const spec = legacyWorkbook(s.current, LAYOUTS.A);
  spec.sheets[0]?.rows.push(
    ["Directrice", PERSONAL.name],
    ["Téléphone de la directrice", PERSONAL.phone],
    ["Adresse personnelle", PERSONAL.home],
    ["Date de naissance", PERSONAL.birth],
  );
  const { ret } = importWorkbook(toGrid(spec));
  // Those rows are no field of the schema: the return read from the workbook is the structure's, nothing more.
  expect(ret).toEqual(s.current);
  return ret;
}

/** A request as the add-on makes it, from a browser-like client whose token carries the person's profile. */
async function call(name: string, email: string, init: { body?: unknown; query?: string }) {
  const token = await stack.token(email, {
    claims: { name: PERSONAL.name, picture: PERSONAL.picture, phone_number: PERSONAL.phone },
  });
  tokens.push(token);
  const res = await fetch(`${stack.url}/${name}${init.query ? `?${init.query}` : ""}`, {
    method: init.body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      "user-agent": PERSONAL.agent,
      "x-forwarded-for": PERSONAL.ip,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res;
}

const director = (s: DemoStructure) => s.current.identification.directorEmail as string;

beforeAll(async () => {
  sheets = await startSheetsServer(SHEET, SHEET_TOKEN);
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: SHEET_TOKEN, expiry_date: Date.now() + 3_600_000 });
  stack = await startTestStack({
    unionSheet: { spreadsheetId: SHEET, sheets: await sheetsClient({ rootUrl: sheets.url, auth }) },
    queue: { delayMs: () => 0 },
  });
  rig = await startSenderRig(stack.db, RETRY_POLICY, CALM_SMTP);
  await registerStructures(stack.db, network.structures);
  await addAdmin(stack.db, ADMIN, "test", new Date());
  await openCampaign(stack.db, year, {}, ADMIN, new Date());
  for (const s of network.structures) {
    const ret = importedReturn(s);
    await call("submitReturn", director(s), {
      body: { return: ret, idempotencyKey: `${s.code}-1`, attestation: ATTESTATION },
    });
    if (FUNCTION_NAMES.includes("reportProgress" as never))
      await call("reportProgress", director(s), {
        body: { structureCode: s.code, year, step: "prepared" },
      });
    await call("choosePeers", director(s), {
      body: { structureCode: s.code, year, peers: { territory: "Rural" } },
    });
  }
  const corrected = importedReturn(erased);
  corrected.activity.visitors = (corrected.activity.visitors ?? 0) + 1;
  await call("submitReturn", director(erased), {
    body: { return: corrected, idempotencyKey: `${erased.code}-2`, attestation: ATTESTATION },
  });
  await call("reviewReturn", ADMIN, {
    body: {
      structureCode: erased.code,
      year,
      revision: 2,
      state: "hasIssues",
      comment: "Sorties à vérifier.",
    },
  });
  await call("previousReturn", director(erased), {
    query: `structureCode=${erased.code}&year=${year}`,
  });
  await call("campaignExport", ADMIN, { query: `year=${year}&format=csv` });
  await call("manageCampaign", ADMIN, { body: { action: "close", year } });
  await stack.server.queues.idle();
  while (Object.keys(await sweepOutbox(rig.deps, { concurrency: 4 })).length > 0);
  await stack.server.queues.idle();
  mails = await Promise.all(
    rig.sink.received.map((m) => simpleParser(m.raw, { skipImageLinks: true })),
  );
}, 240_000);
afterAll(async () => {
  await rig.close();
  await stack.close();
  await sheets.close();
});

/** The addresses the product may keep: the directory's, the returns' own contact fields, the Union's, its sender's. */
function allowedAddresses(messageIds: readonly string[]): Set<string> {
  return new Set(
    [
      ...network.structures.flatMap((s) => [
        director(s),
        s.current.identification.treasurerEmail as string,
      ]),
      ADMIN,
      ...LOCAL_MAIL.union,
      /<([^>]+)>/.exec(LOCAL_MAIL.from)?.[1] as string,
      ...messageIds,
    ].map((a) => a.toLowerCase()),
  );
}

/** Stored values as text, attachments left out (their text is read from the mails as sent). */
const textOf = (value: unknown) =>
  JSON.stringify(value, (_, v) =>
    v?.type === "Buffer" || Buffer.isBuffer(v) ? "[pièce jointe]" : v,
  );

/** What is wrong with a text: a personal detail, a token, a phone number, an address not allowed. */
function personalIn(text: string, allowed: ReadonlySet<string>): string[] {
  const found = Object.values(PERSONAL).filter((p) => text.includes(p));
  if (tokens.some((t) => text.includes(t))) found.push("un jeton");
  const phone = PHONE.exec(text);
  if (phone) found.push(phone[0]);
  // Content-IDs of the charts (cid:…) look like addresses but name images.
  const uncited = text.replace(/cid:[^\s"'>)]+/g, "").replace(/"cid":"[^"]*"/g, "");
  for (const address of uncited.match(EMAIL) ?? [])
    if (!allowed.has(address.toLowerCase())) found.push(address);
  return found;
}

/** Every leaf of a stored return, as a field key. */
function leaves(value: unknown, prefix: string): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const mailText = (m: ParsedMail) =>
  [
    m.subject,
    m.text,
    m.html || "",
    ...m.attachments
      .filter((a) => a.contentType === "application/pdf")
      .map((a) => pdfText(a.content)),
  ].join("\n");

describe("what is kept about the network", () => {
  it("is only what the layout describes, each document with the fields it may hold", () => {
    const { kinds, unknown } = storedKinds(stack.db);
    expect(unknown, "exports of layout.ts this test does not know").toEqual([]);
    const docs = storedData(stack.emulator);
    expect(docs.size).toBeGreaterThan(network.structures.length * 4);
    for (const [path, data] of docs) {
      const kind = kinds.find((k) => k.pattern.test(path));
      expect(kind, `${path} is stored outside the layout`).toBeDefined();
      if (kind?.fields)
        expect(
          Object.keys(data).filter((f) => !kind.fields?.includes(f)),
          path,
        ).toEqual([]);
      if (kind?.fields?.includes("payload"))
        expect(leaves(data.payload, "").sort(), path).toEqual(FIELDS.map((f) => f.key).sort());
    }
  });

  it("holds nothing personal beyond the contact addresses: no name, phone, address, token, browser or IP", () => {
    const docs = storedData(stack.emulator);
    const allowed = allowedAddresses(
      [...docs.keys()]
        .filter((p) => p.startsWith("mail/"))
        .map((p) => `${p.slice(5)}@pimms.example`),
    );
    for (const [path, data] of docs) expect(personalIn(textOf(data), allowed), path).toEqual([]);
  });

  it("sends nothing personal either, in any mail, report or PDF, nor writes it to the Union's sheet", () => {
    expect(mails.length).toBeGreaterThan(network.structures.length);
    const allowed = allowedAddresses(mails.map((m) => (m.messageId ?? "").replace(/[<>]/g, "")));
    for (const m of mails) {
      const to = (Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t?.value ?? []);
      for (const a of to)
        expect(allowed.has((a.address ?? "").toLowerCase()), a.address).toBe(true);
      expect(personalIn(mailText(m), allowed), m.subject).toEqual([]);
    }
    const cells = [...sheets.tabs.values()].flatMap((t) => t.values.flat().map(String));
    expect(cells.length).toBeGreaterThan(network.structures.length);
    expect(personalIn(cells.join("\n"), allowed)).toEqual([]);
  });

  it("sends each structure an anonymous report that shows no other structure, in the mail or its PDF", () => {
    for (const s of network.structures) {
      const report = mails.find((m) => m.messageId === `<report-${year}-${s.code}@pimms.example>`);
      expect(report, s.code).toBeDefined();
      const text = mailText(report as ParsedMail);
      expect(text).toContain(s.name);
      for (const other of network.structures.filter((o) => o !== s)) {
        expect(text, `${s.code} shows ${other.code}`).not.toContain(other.code);
        expect(text, `${s.code} shows ${other.name}`).not.toContain(other.name);
        expect(text).not.toContain(director(other));
      }
    }
  });
});

describe("barometre structure erase", () => {
  /** Everything stored and in the Union's sheet, as text, to search for a structure. */
  const everything = () =>
    [
      ...[...storedData(stack.emulator)].map(([path, data]) => `${path} ${textOf(data)}`),
      ...[...sheets.tabs.values()].flatMap((t) =>
        t.values.map((row) => `${t.title} ${row.join(" ")}`),
      ),
    ].join("\n");
  const traces = (s: DemoStructure) => [
    s.code,
    s.name,
    director(s),
    s.current.identification.treasurerEmail as string,
  ];

  it("removes every trace of the structure, in Firestore and in the Union's sheet, and only of it", async () => {
    const before = everything();
    for (const t of traces(erased)) expect(before, t).toContain(t);
    let stdout = "";
    const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      stdout += String(chunk);
      return true;
    });
    let code: number;
    try {
      code = await main(["structure", "erase", erased.code, "--yes"]);
    } finally {
      out.mockRestore();
    }
    expect(code, stdout).toBe(0);
    expect(stdout).toContain(`${erased.code} : `);
    // The Union's sheet is rewritten by the next hourly upkeep.
    await upkeep(stack.server.deps);
    await stack.server.queues.idle();

    const after = everything();
    for (const t of traces(erased)) {
      const at = after.indexOf(t);
      expect(at, `${t} still in: ${after.slice(Math.max(0, at - 300), at + 100)}`).toBe(-1);
    }
    for (const s of others) for (const t of traces(s)) expect(after, t).toContain(t);
  });
});
