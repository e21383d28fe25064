// barometre doctor's reading of a real project, through a stand-in for the Google APIs it calls (no Google account in tests).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HealthzAnswer } from "@barometre/shared";
import { describe, expect, it } from "vitest";
import type { GoogleProject } from "../src/doctor/google-apis.ts";
import { closedRules, projectFindings } from "../src/doctor/platform-checks.ts";

const ROOT = join(import.meta.dirname, "../..");
const RULES = readFileSync(join(ROOT, "firestore.rules"), "utf8");
const HEALTH: HealthzAnswer = {
  ok: true,
  version: null,
  audiences: ["1-a.apps.googleusercontent.com"],
  mailFrom: true,
  unionSheet: false,
};

/** A project as the APIs would describe it: everything in order unless a test says otherwise. */
function project(overrides: Partial<GoogleProject> = {}): GoogleProject {
  return {
    id: "barometre-essai",
    firestoreLocation: async () => "europe-west9",
    deployedRules: async () => RULES,
    fieldIndexing: async () => ({ indexes: 0, defaults: false }),
    secretEnabled: async () => true,
    sheetReadable: async () => true,
    ...overrides,
  };
}

const faults = async (p: GoogleProject) =>
  (await projectFindings(p, HEALTH))
    .filter((f) => f.ok === false)
    .map((f) => `${f.label} : ${f.detail}`);

describe("barometre doctor on a real project", () => {
  it("finds the checkout's rules, the index exemptions, the secret and an EU database in order", async () => {
    expect(await faults(project())).toEqual([]);
  });

  it("names a database outside Europe, open or stale rules, missing exemptions, a missing secret", async () => {
    const open = RULES.replace("if false", "if true");
    expect(
      await faults(
        project({
          firestoreLocation: async () => "us-central1",
          deployedRules: async () => open,
          fieldIndexing: async (group, field) =>
            group === "mail" && field === "message"
              ? { indexes: 0, defaults: true }
              : { indexes: 0, defaults: false },
          secretEnabled: async () => false,
        }),
      ),
    ).toEqual([
      "Emplacement de Firestore : us-central1, hors d'Europe",
      "Règles Firestore fermées aux clients : les règles déployées autorisent un accès client",
      "Index Firestore : exemptions absentes : mail.message",
      "Secret SMTP_PASSWORD : absent ou désactivé",
    ]);
    const stale = `${RULES}\n// ancienne version\nmatch /x/{y} { allow read: if false; }`;
    expect(await faults(project({ deployedRules: async () => stale }))).toEqual([
      "Règles Firestore fermées aux clients : fermées, mais différentes de firestore.rules",
    ]);
  });

  it("says what it could not read, and how to get the right", async () => {
    const findings = await projectFindings(
      project({
        firestoreLocation: async () => {
          throw new Error("Request failed with status code 403");
        },
      }),
      HEALTH,
    );
    expect(findings[0]).toMatchObject({
      ok: false,
      detail: "lecture impossible (Request failed with status code 403)",
      fix: expect.stringContaining("rôle Lecteur"),
    });
  });

  it("reads rules as closed only when every allow is false", () => {
    expect(closedRules(RULES)).toBe(true);
    expect(closedRules("match /{d=**} { allow read: if request.auth != null; }")).toBe(false);
    expect(
      closedRules("// allow read: if true;\nmatch /{d=**} { allow read, write: if false; }"),
    ).toBe(true);
    expect(closedRules("rules_version = '2';")).toBe(false);
  });
});
