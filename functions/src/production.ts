// The dependencies of the deployed functions: the project's Firestore, Google's certificates, the real clock.
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import * as logger from "firebase-functions/logger";
import { createHandlers, type Handlers } from "./app.ts";
import { googleTokenVerifier } from "./auth.ts";
import { productionConfig } from "./config.ts";

export function productionHandlers(): Handlers {
  const config = productionConfig();
  // firebase-functions registers an app of its own: look for the default one by name.
  const app = getApps().find((a) => a.name === "[DEFAULT]") ?? initializeApp();
  return createHandlers({
    db: getFirestore(app),
    verifyToken: googleTokenVerifier({ audiences: config.audiences }),
    clock: () => new Date(),
    config,
    logger: { error: (message, details) => logger.error(message, details) },
  });
}
