// The local functions in a worker thread: the add-on's UrlFetchApp blocks this thread, the functions answer from theirs.
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll } from "vitest";
import type { Operations } from "./functions-worker.ts";

export type FunctionsThread = {
  [K in keyof Operations]: (
    ...args: Parameters<Operations[K]>
  ) => Promise<Awaited<ReturnType<Operations[K]>>>;
} & {
  /** The functions themselves, and the fault proxy in front of them. */
  direct: string;
  proxy: string;
};

export async function startFunctionsThread(): Promise<FunctionsThread> {
  const worker = new Worker(new URL("./functions-worker.ts", import.meta.url), {
    execArgv: ["--import", "tsx"],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  const ready = new Promise<{ direct: string; proxy: string }>((resolve, reject) => {
    worker.once("error", reject);
    worker.on(
      "message",
      (m: {
        ready?: { direct: string; proxy: string };
        id?: number;
        result?: unknown;
        error?: string;
      }) => {
        if (m.ready) return resolve(m.ready);
        const waiting = pending.get(m.id as number);
        pending.delete(m.id as number);
        if (m.error !== undefined) waiting?.reject(new Error(m.error));
        else waiting?.resolve(m.result);
      },
    );
  });
  const urls = await ready;
  const call =
    (op: keyof Operations) =>
    (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, op, args });
      });
  return {
    ...urls,
    token: call("token"),
    setMode: call("setMode"),
    received: call("received"),
    openCampaign: call("openCampaign"),
    closeCampaign: call("closeCampaign"),
    configureCampaign: call("configureCampaign"),
    post: call("post"),
    stop: async () => {
      await call("stop")();
      await worker.terminate();
    },
  } as FunctionsThread;
}

/** Starts the functions thread before the file's tests and stops it after; the getter gives it to them. */
export function useFunctionsThread(): () => FunctionsThread {
  let functions: FunctionsThread | null = null;
  beforeAll(async () => {
    functions = await startFunctionsThread();
  });
  afterAll(async () => {
    await functions?.stop();
  });
  return () => {
    if (!functions) throw new Error("The functions thread is not started yet");
    return functions;
  };
}
