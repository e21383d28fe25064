// Command-line parsing shared by every command, with French messages for mistakes.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UserError } from "./errors.ts";

export type Options = NonNullable<ParseArgsConfig["options"]>;

export function parse<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UserError(`Arguments invalides (${detail}).\nUsage : ${usage}`);
  }
}
