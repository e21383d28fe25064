// The deployment files agree with the code: region and location, build hook, rules that deny clients, indexes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REGION } from "../src/runtime/config.ts";

const root = join(import.meta.dirname, "../..");
const read = (name: string) => readFileSync(join(root, name), "utf8");

describe("deployment files", () => {
  it("firebase.json deploys the built bundle on Node 22 and keeps the data in the functions' region", () => {
    const firebase = JSON.parse(read("firebase.json"));
    const [functions] = firebase.functions;
    expect(functions).toMatchObject({ source: "functions/lib", runtime: "nodejs22" });
    expect(functions.predeploy.join(" ")).toContain("run functions:build");
    expect(JSON.parse(read("package.json")).scripts["functions:build"]).toBe(
      "tsx functions/scripts/build.ts",
    );
    expect(firebase.firestore).toMatchObject({ location: REGION, rules: "firestore.rules" });
  });

  it("firestore.rules deny every client read and write", () => {
    const rules = read("firestore.rules");
    expect(rules.match(/\ballow\b[^;]*;/g)).toEqual([
      "allow read, write: if false;",
      "allow read, write: if false;",
    ]);
    expect(rules).toContain("match /audit/{id}");
    expect(rules).toContain("match /{document=**}");
  });

  it("firestore.indexes.json needs no composite index and never exempts a queried field", () => {
    const indexes = JSON.parse(read("firestore.indexes.json"));
    expect(indexes.indexes).toEqual([]);
    const queried = ["number", "idempotencyKey", "structureCode", "code", "email", "year", "key"];
    for (const override of indexes.fieldOverrides)
      expect(queried).not.toContain(override.fieldPath);
  });
});
