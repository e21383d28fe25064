// Entry point of the barometre command: dispatches to one module per command, loaded on use.
import { COMMANDS, loadCommand } from "./commands/index.ts";
import { guarded } from "./errors.ts";

/** The command list: the only place every command module is loaded. */
async function help(): Promise<string> {
  const commands = await Promise.all(COMMANDS.map(loadCommand));
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    "barometre — outils de l'Union pour le Baromètre des PIMMS",
    "",
    "Commandes :",
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Ajoutez --help après une commande pour son détail.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    process.stderr.write(`Indiquez une commande.\n\n${await help()}\n`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${await help()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`Commande inconnue : « ${name} ».\n\n${await help()}\n`);
    return 2;
  }
  const command = await loadCommand(entry);
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`Usage : barometre ${command.usage}\n\n${command.help}\n`);
    return 0;
  }
  return guarded(() => command.run(rest));
}
