// The legacy-2018 sample workbooks and their truths (testing/fixtures/legacy-2018), for any package's tests.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PimmsReturn } from "@barometre/shared";

export const FIXTURE_DIR = join(import.meta.dirname, "../fixtures/legacy-2018");

export interface LegacyFixture {
  /** "01-pimms-lyon-metropole-A" */
  name: string;
  xlsx: string;
  ret: PimmsReturn;
  indicators: Record<string, number | boolean | null>;
}

export const LEGACY_FIXTURES: readonly LegacyFixture[] = readdirSync(FIXTURE_DIR)
  .filter((n) => n.endsWith(".truth.json"))
  .sort()
  .map((file) => {
    const name = file.replace(/\.truth\.json$/, "");
    const truth = JSON.parse(readFileSync(join(FIXTURE_DIR, file), "utf8")) as {
      return: PimmsReturn;
      indicators: LegacyFixture["indicators"];
    };
    return {
      name,
      xlsx: join(FIXTURE_DIR, `${name}.xlsx`),
      ret: truth.return,
      indicators: truth.indicators,
    };
  });

export const fixture = (prefix: string): LegacyFixture => {
  const found = LEGACY_FIXTURES.find((f) => f.name.startsWith(prefix));
  if (!found) throw new Error(`No legacy fixture ${prefix}`);
  return found;
};
