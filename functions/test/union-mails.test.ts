// Erasing a structure takes its name out of the Union's mails that list several structures: a mail already sent
// keeps only a French note, one still waiting is dropped (and composed again without it), the others are left alone.

import { useEmulator } from "@barometre/testing/emulator";
import { FROM } from "@barometre/testing/outbox";
import type { Firestore } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { type OutboxMail, queueMail } from "../src/mail/outbox.ts";
import { REDACTED_TEXT } from "../src/mail/union-mails.ts";
import { eraseStructure, exportStructure } from "../src/retention/structure-data.ts";
import { mailClaimDoc, mailDoc } from "../src/storage/paths.ts";

const firestore = useEmulator("union-mails");
let db: Firestore;
const png = Buffer.from("89504e47", "hex");

async function unionMail(
  id: string,
  kind: "summary" | "digest",
  names: string,
  state: "SUCCESS" | "PENDING",
) {
  await queueMail(
    db,
    id,
    {
      to: ["union@pimms.example"],
      message: {
        subject: `Baromètre des PIMMS 2018 : ${kind === "summary" ? "synthèse du réseau" : "relance"}`,
        text: `Structures en bande rouge : ${names}.`,
        html: `<p>${names}</p>`,
        attachments: [
          {
            filename: "g.png",
            content: png,
            contentType: "image/png",
            contentDisposition: "inline",
          },
        ],
      },
      kind,
      campaignYear: 2018,
      structureCode: null,
    },
    FROM,
    new Date(),
  );
  if (state === "SUCCESS") await mailDoc(db, id).update({ "delivery.state": "SUCCESS", due: null });
  else
    await mailClaimDoc(db, id, 1).create({
      mailId: id,
      attempt: 1,
      structureCode: null,
      state: "failed",
    });
}

const mailOf = async (id: string) => (await mailDoc(db, id).get()).data() as OutboxMail | undefined;

beforeAll(async () => {
  db = firestore().db;
  await unionMail(
    "summary-2018",
    "summary",
    "PIMMS Nice (PIMMS-NICE), PIMMS Brest (PIMMS-BREST)",
    "SUCCESS",
  );
  await unionMail(
    "reminder-digest-2018-J-7",
    "digest",
    "PIMMS Nice | PIMMS-NICE | Rural",
    "PENDING",
  );
  await unionMail("summary-2017", "summary", "PIMMS Nice Sud (PIMMS-NICE-SUD)", "SUCCESS");
});

describe("the Union's mails naming an erased structure", () => {
  it("are exported by subject only: they name other structures too", async () => {
    const data = (await exportStructure(db, "PIMMS-NICE")) as Record<string, { path: string }[]>;
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    expect(data.unionMails?.sort(byPath)).toEqual([
      { path: "mail/reminder-digest-2018-J-7", subject: "Baromètre des PIMMS 2018 : relance" },
      { path: "mail/summary-2018", subject: "Baromètre des PIMMS 2018 : synthèse du réseau" },
    ]);
  });

  it("keep a note once sent, are dropped with their claims while waiting, and leave other names alone", async () => {
    const counts = await eraseStructure(db, "PIMMS-NICE");
    expect(counts.unionMails).toBe(2);
    const sent = await mailOf("summary-2018");
    expect(sent?.message).toEqual({
      subject: "Baromètre des PIMMS 2018 : synthèse du réseau",
      text: REDACTED_TEXT,
      html: "",
      attachments: [],
    });
    expect(sent?.delivery.state).toBe("SUCCESS");
    expect(await mailOf("reminder-digest-2018-J-7")).toBeUndefined();
    expect((await mailClaimDoc(db, "reminder-digest-2018-J-7", 1).get()).exists).toBe(false);
    expect((await mailOf("summary-2017"))?.message.text).toContain("PIMMS-NICE-SUD");
    expect((await eraseStructure(db, "PIMMS-NICE")).unionMails).toBe(0);
  });
});
