// Entry point of the barometre command: dispatches to one module per command.
import { COMMANDS } from "./commands/index.ts";
import { guarded } from "./errors.ts";

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    "barometre — outils de l'Union pour le Baromètre des PIMMS",
    "",
    "Commandes :",
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    "",
    "Ajoutez --help après une commande pour son détail.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    process.stderr.write(`Indiquez une commande.\n\n${help()}\n`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${help()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Commande inconnue : « ${name} ».\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(`Usage : barometre ${command.usage}\n\n${command.help}\n`);
    return 0;
  }
  return guarded(() => command.run(rest));
}
