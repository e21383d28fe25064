// Every HTTP function mounted on express on 127.0.0.1, exactly as deployed: for the local stack and the tests.
import type { AddressInfo } from "node:net";
import type { Deps } from "@barometre/functions/local";
import {
  answerClientError,
  createHandlers,
  googleTokenVerifier,
  withCallers,
} from "@barometre/functions/local";
import { FUNCTION_NAMES, formatRaw } from "@barometre/shared";
import express, { type NextFunction, type Request, type Response } from "express";
import type { Firestore } from "firebase-admin/firestore";
import type { DevAuth } from "./dev-auth.ts";
import { CERTS_PATH, TOKEN_PATH } from "./dev-paths.ts";
import { type LocalQueues, type LocalWorkOptions, localWork } from "./local-deps.ts";

export interface FunctionsServerOptions extends Omit<LocalWorkOptions, "db" | "logger"> {
  db: Firestore;
  /** Accepted token audiences. */
  audiences: string[];
  /** The local token issuer whose certificates the functions trust instead of Google's. */
  devAuth: DevAuth;
  port?: number;
  maxBodyBytes?: number;
  /** A request not answered by then gets a 503 (default: the deployed functions' 20 s). */
  requestDeadlineMs?: number;
  /** Failures the handlers log; default: standard error. */
  logError?: (message: string, details: Record<string, unknown>) => void;
}

export interface FunctionsServer {
  /** "http://127.0.0.1:PORT": each function at {url}/{name}. */
  url: string;
  /** What the handlers run on, for the background work tests and the local stack start themselves. */
  deps: Deps;
  queues: LocalQueues;
  close(): Promise<void>;
}

export async function startFunctionsServer(
  options: FunctionsServerOptions,
): Promise<FunctionsServer> {
  const app = express();
  app.get(CERTS_PATH, options.devAuth.certsHandler);
  app.get(TOKEN_PATH, async (req, res) => {
    const email = typeof req.query.email === "string" ? req.query.email : "";
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      res.status(400).json({ error: "Indiquez l'adresse : /dev/token?email=…" });
      return;
    }
    const audience = options.audiences[0] as string;
    res.json({ token: await options.devAuth.signIdToken(email, { audience }) });
  });
  const server = app.listen(options.port ?? 0, "127.0.0.1");
  server.on("clientError", answerClientError);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const logError =
    options.logError ??
    ((message: string, details: Record<string, unknown>) => console.error(message, details));
  const work = localWork(
    {
      ...options,
      logger: { error: logError },
    },
    {
      audiences: options.audiences,
      maxBodyBytes: options.maxBodyBytes,
      requestDeadlineMs: options.requestDeadlineMs,
    },
  );
  const deps = withCallers(
    work.deps,
    googleTokenVerifier({ audiences: options.audiences, certsUrl: `${url}${CERTS_PATH}` }),
  );
  const handlers = createHandlers(deps);
  for (const name of FUNCTION_NAMES) app.all(`/${name}`, (req, res) => handlers[name](req, res));
  // Any other address gets the API's French JSON rather than express's English page (deployed, each function has
  // its own address and Cloud Functions answers the others).
  app.use((req, res) => {
    res.status(404).json({
      error: `Aucune fonction du Baromètre à l'adresse « ${formatRaw(req.path)} ». Fonctions : ${FUNCTION_NAMES.join(", ")}.`,
    });
  });
  // A failure of the local routes (the functions have their own guard): logged, answered in French, no stack.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    logError(`${req.path}: erreur inattendue`, {
      detail: error instanceof Error ? error.message : String(error),
    });
    res.status(500).json({
      error: "Erreur inattendue de la pile locale. Réessayez ; si elle persiste, relancez-la.",
    });
  });
  return {
    url,
    deps,
    queues: work.queues,
    close: () =>
      new Promise((resolve, reject) => {
        work.queues.kill();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
