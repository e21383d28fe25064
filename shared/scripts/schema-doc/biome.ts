// Formats a generated file the way `biome check` wants it, so the committed docs pass the lint as they are.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "../../..");

/** The text Biome would write for a file at `path` (relative to the repository root) holding `text`. */
export function formatWithBiome(path: string, text: string): string {
  return execFileSync(
    join(root, "node_modules/.bin/biome"),
    ["format", `--stdin-file-path=${path}`],
    {
      cwd: root,
      input: text,
      encoding: "utf8",
    },
  );
}
