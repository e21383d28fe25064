// The reminder and the Union's digest as mails: no WCAG 2.1 AA violation in Chromium (contrast checked), the HTML
// reads the text part's words in the same order, and a reminder goes through the outbox and real SMTP with both parts.
// biome-ignore-all lint/performance/useDomNodeTextContent: these tests check the text as Chromium renders it to the reader (innerText: visible text, line breaks, reading order), which textContent is not.
import { atWidth, useAxePage } from "@barometre/testing/axe-page";
import { useEmulator } from "@barometre/testing/emulator";
import { FROM, startSenderRig } from "@barometre/testing/outbox";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { queueMail } from "../src/mail/outbox.ts";
import { deliverMail } from "../src/mail/sender.ts";
import { digestMail } from "../src/reminders/digest-mail.ts";
import type { DueReminder } from "../src/reminders/due.ts";
import { reminderId, reminderMail } from "../src/reminders/reminder-mail.ts";
import { INK } from "../src/report/palette.ts";
import type { StatusRow } from "../src/status/board.ts";
import type { StructureEntry } from "../src/storage/directory.ts";

const axe = useAxePage();
const firestore = useEmulator("reminder-mail");

const entry: StructureEntry = {
  code: "PIMMS-CENON",
  name: "PIMMS Cenon <rive droite> & co",
  territory: "Urbain hors QPV",
  emails: ["direction@cenon.example", "tresorier@cenon.example"],
};

const row = (code: string, preparedAt: string | null): StatusRow => ({
  structureCode: code,
  name: `PIMMS ${code}`,
  territory: "Rural",
  state: preparedAt ? "prepared" : "notStarted",
  preparedAt,
  revision: null,
  submittedAt: null,
  submittedBy: null,
  review: null,
  fragile: [],
  revisions: 0,
  firstSubmittedAt: null,
  daysLate: null,
});

const due = (offset: number): DueReminder => ({
  offset,
  deadline: "2019-06-30",
  daysLeft: -offset,
});

/** A privacy page's address as long as a real one can be. */
const PRIVACY =
  "https://www.union-des-pimms.example/barometre-des-pimms/confidentialite-et-donnees";

const MAILS = {
  "a reminder to a structure that has not started": reminderMail(
    2018,
    entry,
    row(entry.code, null),
    due(-7),
    PRIVACY,
  ),
  "a reminder to a structure that has prepared": reminderMail(
    2018,
    entry,
    row(entry.code, "2019-06-14T07:00:00.000Z"),
    due(-2),
    PRIVACY,
  ),
  "the reminder after the deadline": reminderMail(2018, entry, row(entry.code, null), due(1), null),
  "the Union's digest": digestMail(
    2018,
    due(-7),
    [row("PIMMS-A", null), row("PIMMS-B", "2019-06-14T07:00:00.000Z"), row("PIMMS-C", null)],
    35,
    ["union@pimms.example"],
  ),
};

describe.each(Object.entries(MAILS))("%s", (_, mail) => {
  it("has no WCAG 2.1 AA violation, and would be caught with pale text", async () => {
    expect(await axe().violations(mail.message.html)).toEqual([]);
    const pale = await axe().violations(mail.message.html.replaceAll(INK, "#bbbbbb"));
    expect(pale.map((v) => v.id)).toContain("color-contrast");
  });

  it("fits a 320-pixel phone, the privacy page's address a link that wraps", async () => {
    const { page } = axe();
    const { width, links } = await atWidth(page, 320, mail.message.html, async () => ({
      width: await page.evaluate(() => document.documentElement.scrollWidth),
      links: await page.$$eval("a", (as) => as.map((a) => [a.href, a.textContent])),
    }));
    expect(width).toBeLessThanOrEqual(320);
    expect(links).toEqual(mail.message.text.includes(PRIVACY) ? [[PRIVACY, PRIVACY]] : []);
  });

  it("is plain: French, titled, one heading, no image nor attachment", async () => {
    const { page } = axe();
    await page.setContent(mail.message.html);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.title()).toBe(mail.message.subject);
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator("img").count()).toBe(0);
    expect(mail.message.attachments).toEqual([]);
  });

  it("says in HTML the words of its text part, in the same order", async () => {
    const { page } = axe();
    await page.setContent(mail.message.html);
    const shown = (await page.evaluate(() => document.body.innerText)).replace(/\s+/g, " ");
    let at = 0;
    for (const block of mail.message.text.trim().split("\n\n")) {
      const lines = block.split("\n").filter((l) => !/ ; /.test(l) && !l.endsWith(" :"));
      for (const line of lines) {
        const next = shown.indexOf(line.replace(/^- /, "").replace(/\s+/g, " "), at);
        expect(next, line).toBeGreaterThanOrEqual(at);
        at = next;
      }
    }
  });
});

it("gives the digest's table a caption, column headers and each structure as a row header", async () => {
  const { page } = axe();
  await page.setContent(MAILS["the Union's digest"].message.html);
  expect(await page.locator("caption").innerText()).toBe("Structures sans retour");
  expect(await page.locator("th[scope=col]").allInnerTexts()).toEqual([
    "Structure",
    "Code",
    "Type de territoire",
    "Où elle en est",
  ]);
  expect(await page.locator("th[scope=row]").allInnerTexts()).toEqual([
    "PIMMS PIMMS-A",
    "PIMMS PIMMS-B",
    "PIMMS PIMMS-C",
  ]);
  expect(await page.locator("tbody tr").nth(1).innerText()).toContain(
    "classeur préparé le 14/06/2019, pas envoyé",
  );
});

it("reaches the structure's addresses through the outbox and SMTP, as text and HTML", async () => {
  const { db } = firestore();
  const mail = MAILS["a reminder to a structure that has not started"];
  const id = reminderId(2018, entry.code, due(-7));
  expect(await queueMail(db, id, mail, FROM, new Date())).toBe("queued");
  expect(await queueMail(db, id, mail, FROM, new Date())).toBe("exists");
  const rig = await startSenderRig(db);
  try {
    expect(await deliverMail(rig.deps, id)).toBe("sent");
    expect(rig.sink.received).toHaveLength(1);
    const [received] = rig.sink.received;
    expect(received?.to).toEqual(entry.emails);
    const parsed = await simpleParser(received?.raw as Buffer);
    expect(parsed.subject).toBe(
      "Baromètre 2018 : votre retour est attendu d'ici le 30/06/2019 (dans 7 jours)",
    );
    expect(parsed.text).toContain(
      "L'Union n'a pas encore reçu le retour 2018 de PIMMS Cenon <rive droite> & co",
    );
    expect(parsed.html).toContain("PIMMS Cenon &lt;rive droite&gt; &amp; co");
    expect(parsed.text).toContain(`page de confidentialité du Baromètre : ${PRIVACY}`);
    expect(parsed.html).toContain(PRIVACY);
    expect(parsed.attachments).toEqual([]);
  } finally {
    await rig.close();
  }
});
