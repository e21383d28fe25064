// The director's review mail on its own: French words for each state, the comment and fields quoted as text (never
// as HTML), and the accessible HTML every short mail has (checked with axe-core in Chromium).

import { plannedCell } from "@barometre/shared";
import { useAxePage } from "@barometre/testing/axe-page";
import { storedRevision } from "@barometre/testing/network";
import { sampleReturn } from "@barometre/testing/stack";
import { Timestamp } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { reviewMail } from "../src/mail/review-mail.ts";
import type { StructureEntry } from "../src/storage/directory.ts";
import type { StoredReview } from "../src/storage/reviews.ts";

const axe = useAxePage();

const entry: StructureEntry = {
  code: "PIMMS-CENON",
  name: "PIMMS Cenon <rive droite> & co",
  territory: "Urbain hors QPV",
  emails: ["direction@cenon.example", "tresorier@cenon.example"],
};
const revision = { ...storedRevision(sampleReturn("PIMMS-CENON")), number: 2 };

const review = (
  state: "hasIssues" | "rejected" | "reopened",
): StoredReview & { state: typeof state } => ({
  structureCode: "PIMMS-CENON",
  year: 2018,
  revision: 2,
  key: "000002-0001",
  sequence: 1,
  state,
  comment: "Le total <b>des charges</b> ne correspond pas.",
  fields: ["finance.chargesTotal", "social.staffTotal"],
  reviewedBy: "union@pimms.example",
  // 14:05 in Paris.
  reviewedAt: Timestamp.fromDate(new Date("2019-04-12T12:05:00Z")),
});

const PRIVACY = "https://www.pimms.example/barometre/confidentialite";

describe("reviewMail", () => {
  it("tells the directory's addresses what the Union asks, where, and what to do next", async () => {
    const mail = reviewMail(entry, revision, review("hasIssues"), PRIVACY);
    expect(mail.to).toEqual(entry.emails);
    expect(mail.kind).toBe("review");
    expect(mail.message.subject).toBe(
      "Baromètre 2018 : l'Union vous demande de corriger votre retour (révision 2)",
    );
    const text = mail.message.text;
    expect(text).toContain("L'Union demande une correction de la révision 2 du retour 2018");
    expect(text).toContain(
      "(union@pimms.example, le 12/04/2019 14:05:00) : « Le total <b>des charges</b> ne correspond pas. »",
    );
    // Each field where the director's prepared workbook holds it, never by its key.
    expect(text).toContain(
      `- Total des charges (onglet « Données financières », cellule ${plannedCell("finance.chargesTotal").split("!")[1]})`,
    );
    expect(text).not.toContain("finance.chargesTotal");
    expect(text).toContain("« Ouvrir le panneau »");
    expect(text).toContain(`page de confidentialité du Baromètre : ${PRIVACY}`);
    expect(mail.message.html).toContain("Le total &lt;b&gt;des charges&lt;/b&gt;");
    expect(mail.message.html).not.toContain("<b>des charges");
    expect(await axe().violations(mail.message.html)).toEqual([]);
  });

  it("says a rejection and a reopening in their own words", () => {
    expect(reviewMail(entry, revision, review("rejected"), null).message.subject).toContain(
      "l'Union n'a pas retenu votre retour",
    );
    const reopened = reviewMail(entry, revision, review("reopened"), null).message;
    expect(reopened.subject).toContain("votre retour est rouvert");
    expect(reopened.text).toContain("Motif de la réouverture");
    expect(reopened.text).toContain("n'est plus verrouillé");
    expect(reopened.text).toContain("Vos données : pour savoir ce que le Baromètre garde");
  });
});
