// Every command of barometre, in the order the help lists them.
import benchmark from "./benchmark.ts";
import type { Command } from "./command.ts";
import importCommand from "./import.ts";

export const COMMANDS: readonly Command[] = [importCommand, benchmark];
