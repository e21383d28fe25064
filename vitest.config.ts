// The test run of every package: one Vitest project per package, so `npx vitest run --project cli` runs one alone.
import { defineConfig } from "vitest/config";

/** Each package and where its tests are; `tests` holds the tests that cross packages. */
const PACKAGES: Record<string, string> = {
  shared: "shared/test",
  functions: "functions/test",
  cli: "cli/test",
  addon: "addon/test",
  bench: "bench/test",
  scripts: "scripts/test",
  tests: "tests",
};

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
    reporters: ["default", ["./scripts/package-durations.ts", { order: Object.keys(PACKAGES) }]],
    projects: Object.entries(PACKAGES).map(([name, dir]) => ({
      extends: true,
      test: { name, include: [`${dir}/**/*.test.ts`] },
    })),
  },
});
