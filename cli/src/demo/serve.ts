// npm start -- --serve: the demo campaign set up and left open, and the functions served on 127.0.0.1 until
// SIGINT or SIGTERM, when everything stops cleanly.
import { FUNCTION_NAMES } from "@barometre/shared";
import { startDemoStack } from "./demo-stack.ts";
import type { LocalStack } from "./local-stack.ts";
import { type OutDirs, shown } from "./out-dir.ts";
import { Progress } from "./progress.ts";
import { type DemoSetup, SETUP_STEPS, setUpCampaign, UNION_ADMIN } from "./setup.ts";

/** Resolves with the first SIGINT or SIGTERM, which then no longer end the process by themselves. */
function interrupted(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

function welcome(stack: LocalStack, setup: DemoSetup, dirs: OutDirs): string {
  const { year, structures } = setup.network;
  const director = structures[0]?.current.identification.directorEmail ?? "";
  return [
    `Pile locale prête : ${stack.url}`,
    `  Fonctions : ${FUNCTION_NAMES.map((name) => `/${name}`).join(", ")}`,
    `  Campagne ${year} ouverte, ${structures.length} retours de démonstration envoyés.`,
    `  Administrateur de l'Union : ${UNION_ADMIN} ; chaque direction envoie pour sa structure (par exemple ${director}).`,
    `  Jeton d'identité : npx barometre dev-token ${UNION_ADMIN} --base ${stack.url}`,
    `  Commandes de l'Union sur cette base : FIRESTORE_EMULATOR_HOST=${stack.firestoreHost} npx barometre campaign show ${year}`,
    `  Courriels reçus : ${shown(dirs.mail)}/`,
    `  Une fois la campagne close (manageCampaign ou barometre campaign close ${year}) : rapports dans ${shown(dirs.reports)}/, synthèse du réseau dans ${shown(dirs.union)}/`,
    "Ctrl+C pour arrêter.",
  ].join("\n");
}

export async function serve(out: string, port: number): Promise<number> {
  const signal = interrupted();
  const progress = new Progress(process.stderr, 1 + SETUP_STEPS);
  const { stack, dirs } = await startDemoStack({
    out,
    port,
    progress,
    onIncident: (message) => process.stderr.write(`Incident : ${message}\n`),
    archive: "queued",
  });
  try {
    const setup = await setUpCampaign(stack, dirs, progress);
    progress.finish();
    process.stdout.write(`${welcome(stack, setup, dirs)}\n`);
    await signal;
    process.stderr.write("Arrêt de la pile locale…\n");
  } finally {
    progress.finish();
    await stack.close();
  }
  process.stderr.write("Pile locale arrêtée.\n");
  return 0;
}
