// submitReturn mounted on 127.0.0.1 exactly as deployed (the same guard and deadline), but keeping hold of each
// request's own work, which goes on after its deadline answer: a test can wait for it before counting what is stored.
import type { AddressInfo } from "node:net";
import type { Deps } from "@barometre/functions/admin";
import { guard, type Handler, submitReturnHandler } from "@barometre/functions/admin";
import express from "express";

export interface TrackedSubmit {
  /** The submitReturn URL. */
  url: string;
  /** Resolves once every request's work has ended, answered in time or not. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function mountTrackedSubmit(deps: Deps, deadlineMs: number): Promise<TrackedSubmit> {
  const running = new Set<Promise<void>>();
  const inner = submitReturnHandler(deps);
  const tracked: Handler = (req, res) => {
    const work = inner(req, res);
    running.add(work);
    const forget = () => running.delete(work);
    work.then(forget, forget);
    return work;
  };
  const handler = guard("submitReturn", deps.logger, tracked, deadlineMs);
  const app = express();
  app.post("/submitReturn", (req, res) => handler(req, res));
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/submitReturn`,
    settled: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
