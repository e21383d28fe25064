// What every handler is built from, passed explicitly so production, the local stack and tests run the same code.
import type { Firestore } from "firebase-admin/firestore";
import type { TokenVerifier } from "./auth.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./http.ts";

export interface Deps {
  db: Firestore;
  verifyToken: TokenVerifier;
  /** Server time: when revisions are stored and whether a deadline has passed. */
  clock: () => Date;
  config: Config;
  logger: Logger;
}
