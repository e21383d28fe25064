// Where an export goes: the file named with -o, or the standard output.
import { writeFile } from "node:fs/promises";

export const OUTPUT_OPTION = { output: { type: "string", short: "o" } } as const;

export const OUTPUT_HELP = "-o FICHIER : écrit dans ce fichier au lieu de la sortie standard.";

export async function writeExport(text: string, path: string | undefined): Promise<void> {
  if (!path) {
    process.stdout.write(text);
    return;
  }
  await writeFile(path, text, "utf8");
  process.stderr.write(`Export écrit dans « ${path} ».\n`);
}
