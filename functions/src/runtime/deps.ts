// What every handler is built from, passed explicitly so production, the local stack and tests run the same code.
import type { Firestore } from "firebase-admin/firestore";
import type { TokenVerifier } from "../http/auth.ts";
import type { PopulationCache } from "../positioning/population-cache.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./logger.ts";
import type { ReportRenderer } from "./renderer.ts";
import type { Tasks } from "./tasks.ts";

export interface Deps {
  db: Firestore;
  verifyToken: TokenVerifier;
  /** Server time: when revisions are stored and whether a deadline has passed. */
  clock: () => Date;
  config: Config;
  logger: Logger;
  /** Campaign populations kept between requests, for the positioning of each accepted revision. */
  populations: PopulationCache;
  /** Background work: the campaign-close report batches, the debounced sync of the Union's sheet. */
  tasks: Tasks;
  renderer: ReportRenderer;
}

/** What background work (campaign close, report batches, upkeep) needs: there is no caller to authenticate. */
export type WorkDeps = Pick<Deps, "db" | "clock" | "config" | "logger" | "tasks" | "renderer">;
