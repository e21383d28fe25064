// The demo campaign set up through the real paths: the Union's directory filled, the previous exercice's returns
// and then the network's legacy workbooks, read back by the importer, submitted over HTTP with directors' tokens.
import { join } from "node:path";
import {
  addAdmin,
  checkStructureEntry,
  eachLimited,
  saveStructure,
} from "@barometre/functions/admin";
import {
  type ApiAnswer,
  type ApiBody,
  type ApiRefusal,
  type Attestation,
  type DemoNetwork,
  type Finding,
  generateNetwork,
  type Indicators,
  importWorkbook,
  type PimmsReturn,
  type Positioning,
  type PostFunction,
} from "@barometre/shared";
import { LOCAL_MAIL } from "@barometre/stack";
import { UserError } from "../errors.ts";
import { readWorkbookFile } from "../xlsx/read.ts";
import { LAYOUTS, legacyWorkbook } from "./legacy-workbook.ts";
import type { LocalStack } from "./local-stack.ts";
import type { OutDirs } from "./out-dir.ts";
import type { Progress } from "./progress.ts";
import { writeWorkbook } from "./workbook-spec.ts";

/** The Union admin the local stack knows, who also receives the Union's mails. */
export const UNION_ADMIN = LOCAL_MAIL.union[0] as string;

/** The legacy layouts of docs/domain.md, taken in turn. */
const LAYOUT_NAMES = ["A", "B", "C"] as const;

/** Submissions in flight at once, as directors would send them: enough to overlap the round trips. */
const PARALLEL_SUBMISSIONS = 4;

export interface SubmittedReturn {
  ret: PimmsReturn;
  /** The latest revision: 1, or 2 once the review dialogue added one. */
  revision: number;
  indicators: Indicators;
  positioning: Positioning;
  /** The warnings the service answered (validation and year-on-year review). */
  findings: Finding[];
}

/** Writes each structure's legacy workbook, in layouts A, B and C in turn; returns the paths. */
export async function writeWorkbooks(
  network: DemoNetwork,
  dir: string,
  progress: Progress,
): Promise<string[]> {
  const paths: string[] = [];
  for (const [i, s] of network.structures.entries()) {
    const layout = LAYOUTS[LAYOUT_NAMES[i % LAYOUT_NAMES.length] as keyof typeof LAYOUTS];
    const path = join(dir, `${s.code}.xlsx`);
    await writeWorkbook(legacyWorkbook(s.current, layout), path);
    paths.push(path);
    progress.advance();
  }
  return paths;
}

const where = (f: Finding) => (f.cell ? ` (${f.cell})` : "");

/** Reads every workbook with the importer of `barometre import`; a workbook with an error stops the run. */
export async function importWorkbooks(
  paths: readonly string[],
  progress: Progress,
): Promise<PimmsReturn[]> {
  const returns: PimmsReturn[] = [];
  for (const path of paths) {
    const result = importWorkbook(await readWorkbookFile(path));
    const error = result.findings.find((f) => f.severity === "error");
    if (error)
      throw new UserError(
        `Le classeur « ${path} » contient une erreur${where(error)} : ${error.message}`,
      );
    returns.push(result.ret);
    progress.advance();
  }
  return returns;
}

/** Registers each structure with its director as the one authorised address, and the Union admin. */
export async function registerDirectory(stack: LocalStack, returns: readonly PimmsReturn[]) {
  const now = new Date();
  for (const ret of returns) {
    const id = ret.identification;
    const { entry, problems } = checkStructureEntry({
      code: id.structureCode,
      name: id.structureName,
      territory: id.territory,
      emails: [id.directorEmail],
    });
    if (!entry)
      throw new UserError(`Structure ${id.structureCode ?? "sans code"} : ${problems.join(" ")}`);
    await saveStructure(stack.db, entry, now);
  }
  await addAdmin(stack.db, UNION_ADMIN, "npm start", now);
}

/** A function's answer (shared/src/api), or a French sentence saying which call failed and why. */
export async function callOk<N extends PostFunction>(
  stack: LocalStack,
  name: N,
  what: string,
  options: { token: string; body: ApiBody<N> },
): Promise<ApiAnswer<N>> {
  const res = await stack.call(name, options);
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok || body === null) {
    const error = (body as Partial<ApiRefusal> | null)?.error;
    throw new UserError(
      `${what} : la fonction ${name} a répondu ${res.status}${typeof error === "string" ? ` (${error})` : ""}.`,
    );
  }
  return body as ApiAnswer<N>;
}

/** Opens the campaign through manageCampaign, as the Union admin. */
export async function openCampaign(stack: LocalStack, year: number): Promise<void> {
  await callOk(stack, "manageCampaign", `Ouverture de la campagne ${year}`, {
    token: await stack.token(UNION_ADMIN),
    body: { action: "open", year },
  });
}

/** The demo's sign-off: the direction of each structure vouches for its figures. */
export const attestationOf = (ret: PimmsReturn): Attestation => ({
  name: `Direction de ${ret.identification.structureName ?? ret.identification.structureCode}`,
  role: "direction",
});

/** Submits every return through submitReturn, each with its director's token and attestation. */
export function submitAll(
  stack: LocalStack,
  returns: readonly PimmsReturn[],
  progress: Progress,
): Promise<SubmittedReturn[]> {
  return eachLimited(returns, PARALLEL_SUBMISSIONS, async (ret) => {
    const id = ret.identification;
    const answer = await callOk(stack, "submitReturn", `Envoi du retour de ${id.structureCode}`, {
      token: await stack.token(id.directorEmail as string),
      body: {
        return: ret,
        idempotencyKey: `npm-start-${id.year}-${id.structureCode}`,
        attestation: attestationOf(ret),
      },
    });
    progress.advance();
    const { revision, indicators, positioning, findings } = answer;
    return { ret, revision, indicators, positioning, findings };
  });
}

/** The steps setUpCampaign announces. */
export const SETUP_STEPS = 6;

export interface DemoSetup {
  network: DemoNetwork;
  submitted: SubmittedReturn[];
}

/**
 * The demo network (35 structures: 32 urban, 3 rural, a few fragile) registered, its N-2 and N-1 returns submitted
 * to the two previous campaigns (so reports show each change over a year and a trajectory over three), and its returns written as legacy workbooks,
 * imported and submitted to their open campaign.
 */
export async function setUpCampaign(
  stack: LocalStack,
  dirs: OutDirs,
  progress: Progress,
): Promise<DemoSetup> {
  const network = generateNetwork();
  const { year, structures } = network;
  progress.step(`Écriture des classeurs ${year} de l'ancien outil`, structures.length);
  const paths = await writeWorkbooks(network, dirs.workbooks, progress);
  progress.step(`Import des classeurs ${year}`, structures.length);
  const returns = await importWorkbooks(paths, progress);
  progress.step(
    `Annuaire des structures et ouverture des campagnes ${year - 2}, ${year - 1} et ${year}`,
  );
  await registerDirectory(stack, returns);
  for (const y of [year - 2, year - 1, year]) await openCampaign(stack, y);
  // Two earlier campaigns, so each report shows a trajectory over three years.
  const earlier = structures.flatMap((s) => (s.earlier ? [s.earlier] : []));
  progress.step(`Envoi des retours ${year - 2}, il y a deux exercices`, earlier.length);
  await submitAll(stack, earlier, progress);
  const history = structures.flatMap((s) => (s.previous ? [s.previous] : []));
  progress.step(`Envoi des retours ${year - 1}, exercice précédent`, history.length);
  await submitAll(stack, history, progress);
  progress.step(`Envoi des retours ${year} par les directions`, returns.length);
  return { network, submitted: await submitAll(stack, returns, progress) };
}
