// A new functions instance for submit.coldFirst*, in a process of its own (a fresh heap, as Cloud Functions starts
// one): a functions server on the bench's emulator, trusting the bench's token issuer. It sends its address, then
// serves until its parent says stop.
import { defaultApp, startFunctionsServer, trustedDevAuth } from "@barometre/stack";
import { getFirestore } from "firebase-admin/firestore";

export interface NewInstanceConfig {
  emulatorHost: string;
  projectId: string;
  audience: string;
  issuer: { kid: string; certs: Record<string, string> };
}

const config = JSON.parse(process.argv[2] ?? "{}") as NewInstanceConfig;
process.env.FIRESTORE_EMULATOR_HOST = config.emulatorHost;
process.env.METADATA_SERVER_DETECTION = "none";
process.env.GCLOUD_PROJECT = config.projectId;

const server = await startFunctionsServer({
  db: getFirestore(defaultApp(config.projectId)),
  audiences: [config.audience],
  devAuth: trustedDevAuth(config.issuer),
  logError: (message) => process.stderr.write(`${message}\n`),
});
process.send?.({ url: server.url });
process.once("message", async () => {
  await server.close();
  process.exit(0);
});
