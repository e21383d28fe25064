// The version of the functions: "<package version>+<commit>" of the checkout they were built from, so
// `barometre doctor` can tell deployed functions older than the checkout (functions/scripts/build.ts bakes it in).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The version of the checkout at `root` (its package.json version and commit). */
export function checkoutVersion(root: string): string {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    version: string;
  };
  try {
    const commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return commit ? `${version}+${commit}` : version;
  } catch {
    return version;
  }
}

/** The repository's root, seen from functions/src. */
export const REPOSITORY_ROOT = join(import.meta.dirname, "../../..");
