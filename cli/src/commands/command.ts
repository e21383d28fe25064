// The shape every command module exports.

export interface Command {
  name: string;
  /** The arguments, as shown in the help: "benchmark RÉSEAU [--json]". */
  usage: string;
  /** One line for the command list. */
  summary: string;
  /** The detailed French help. */
  help: string;
  run(argv: string[]): Promise<number>;
}
