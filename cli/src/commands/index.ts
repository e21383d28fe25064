// Every command of barometre, in the order the help lists them.
import admins from "./admins.ts";
import benchmark from "./benchmark.ts";
import campaign from "./campaign.ts";
import type { Command } from "./command.ts";
import exportCommand from "./export.ts";
import importCommand from "./import.ts";
import prepare from "./prepare.ts";
import structure from "./structure.ts";
import structures from "./structures.ts";

export const COMMANDS: readonly Command[] = [
  importCommand,
  prepare,
  benchmark,
  structures,
  admins,
  campaign,
  exportCommand,
  structure,
];
