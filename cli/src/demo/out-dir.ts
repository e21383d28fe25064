// The folder npm start writes to, and the clearing of a previous run's files: only the names this command writes,
// so whatever else the folder holds is left alone.
import { readdir, unlink } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";

export interface OutDirs {
  root: string;
  /** The demo structures' legacy workbooks, one per structure. */
  workbooks: string;
  /** Each structure's report, as HTML and PDF. */
  reports: string;
  /** Every mail the local SMTP server received, as .eml. */
  mail: string;
  /** The Union's campaign export and network summary. */
  union: string;
}

export const outDirs = (root: string): OutDirs => ({
  root,
  workbooks: join(root, "workbooks"),
  reports: join(root, "reports"),
  mail: join(root, "mail"),
  union: join(root, "union"),
});

/** A path as the user sees it in messages: relative to the current folder when inside it, absolute otherwise. */
export function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside.startsWith("..") || isAbsolute(inside) ? resolve(path) : inside || ".";
}

export const campaignCsvPath = (dirs: OutDirs, year: number): string =>
  join(dirs.union, `campaign-${year}.csv`);

/** A structure code (docs/domain.md) as a file name. */
const CODE = "[A-Z0-9][A-Z0-9-]{2,39}";

/** The names this command writes in each folder. */
const OWN_FILES = (dirs: OutDirs): [string, RegExp][] => [
  [dirs.workbooks, new RegExp(`^${CODE}\\.xlsx$`)],
  [dirs.reports, new RegExp(`^${CODE}\\.(html|pdf)$`)],
  [dirs.mail, /^\d{5}\.eml$/],
  [dirs.union, /^(campaign-\d{4}\.csv|barometre-\d{4}-synthese-reseau\.(html|pdf))$/],
];

/** Deletes what an earlier run wrote; returns how many files. */
export async function clearPreviousRun(dirs: OutDirs): Promise<number> {
  let removed = 0;
  for (const [dir, own] of OWN_FILES(dirs)) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => own.test(n))) {
      await unlink(join(dir, name));
      removed++;
    }
  }
  return removed;
}
