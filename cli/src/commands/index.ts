// Every command of barometre, in the order the help lists them; a command's module is loaded only when it is needed,
// so a call pays for its own dependencies alone (exceljs, firebase-admin, the local stack…).
import type { Command } from "./command.ts";

export interface CommandEntry {
  name: string;
  load(): Promise<{ default: Command }>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: "import", load: () => import("./import.ts") },
  { name: "prepare", load: () => import("./prepare.ts") },
  { name: "benchmark", load: () => import("./benchmark.ts") },
  { name: "structures", load: () => import("./structures.ts") },
  { name: "admins", load: () => import("./admins.ts") },
  { name: "campaign", load: () => import("./campaign.ts") },
  { name: "export", load: () => import("./export.ts") },
  { name: "report", load: () => import("./report.ts") },
  { name: "structure", load: () => import("./structure.ts") },
  { name: "retention", load: () => import("./retention.ts") },
  { name: "audit", load: () => import("./audit.ts") },
  { name: "review", load: () => import("./review.ts") },
  { name: "revisions", load: () => import("./revisions.ts") },
  { name: "followup", load: () => import("./followup.ts") },
  { name: "peers", load: () => import("./peers.ts") },
  { name: "start", load: () => import("./start.ts") },
  { name: "dev-token", load: () => import("./dev-token.ts") },
  { name: "deploy", load: () => import("./deploy.ts") },
  { name: "doctor", load: () => import("./doctor.ts") },
];

export async function loadCommand(entry: CommandEntry): Promise<Command> {
  return (await entry.load()).default;
}
