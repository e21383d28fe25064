// Command-line parsing shared by every command, with French messages for mistakes.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { UserError } from "./errors.ts";

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** Node explains argument mistakes in English; this says the same in French, naming the option. */
function frenchReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-{1,2}[^'\s,]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `Option inconnue : ${option}.`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return message.includes("does not take an argument")
      ? `L'option ${option} ne prend pas de valeur.`
      : `L'option ${option} attend une valeur.`;
  }
  return "Arguments invalides.";
}

export function parse<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UserError(`${frenchReason(error)}\nUsage : barometre ${usage}`);
  }
}
