// Where an export goes: the file named with -o, or the standard output; a file that cannot be written is explained.
import { writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { AuditEvent } from "@barometre/functions/admin";
import type { Firestore } from "firebase-admin/firestore";
import { auditedCommand } from "../audited.ts";
import { UserError } from "../errors.ts";

export const OUTPUT_OPTION = { output: { type: "string", short: "o" } } as const;

export const OUTPUT_HELP = "-o FICHIER : écrit dans ce fichier au lieu de la sortie standard.";

/** Why the system refused to write `path`, in French; null for a cause this does not know. */
function reasonOf(code: string | undefined, path: string): string | null {
  switch (code) {
    case "ENOENT":
      return `le dossier « ${dirname(path)} » n'existe pas`;
    case "ENOTDIR":
      return `un élément du chemin « ${dirname(path)} » n'est pas un dossier`;
    case "EISDIR":
      return "c'est un dossier : indiquez un nom de fichier";
    case "EACCES":
    case "EPERM":
      return "permission refusée";
    case "EROFS":
      return "le disque est en lecture seule";
    case "ENOSPC":
    case "EDQUOT":
      return "le disque est plein";
    default:
      return null;
  }
}

/** Writes a file given with -o, or says in French why it could not (a UserError, exit code 2). */
export async function writeOutputFile(path: string, content: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, content, typeof content === "string" ? "utf8" : undefined);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = reasonOf(code, path) ?? `erreur du système ${code ?? "inconnue"}`;
    throw new UserError(`Impossible d'écrire « ${path} » : ${reason}.`);
  }
}

function sayWritten(path: string): void {
  process.stderr.write(`Export écrit dans « ${path} ».\n`);
}

export async function writeExport(text: string, path: string | undefined): Promise<void> {
  if (!path) {
    process.stdout.write(text);
    return;
  }
  await writeOutputFile(path, text);
  sayWritten(path);
}

/**
 * An audited read handed over as an export. The file is written inside the audited action: the log says what
 * became of the data, so an export whose file could not be written (nobody got the data) is logged « échec » with
 * its reason, never « réussi ». The standard output is written only once the entry is, as audited() wants for any
 * read: a read whose entry could not be written is not printed. (A file already written when its entry then fails
 * stays with the person who ran the command, told that the command failed.)
 */
export async function auditedExport(
  db: Firestore,
  event: Omit<AuditEvent, "actor" | "via">,
  read: () => Promise<string>,
  path: string | undefined,
): Promise<void> {
  const text = await auditedCommand(db, event, async () => {
    const text = await read();
    if (path) await writeOutputFile(path, text);
    return text;
  });
  if (path) sayWritten(path);
  else process.stdout.write(text);
}
