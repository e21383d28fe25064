// Worker thread running the local functions and the fault proxy, so they answer while the add-on blocks on UrlFetchApp.
import { parentPort } from "node:worker_threads";
import { closeCampaign, configureCampaign, openCampaign } from "@barometre/functions/admin";
import type { CampaignSettings, FunctionName } from "@barometre/shared";
import { ADMIN } from "@barometre/testing/stack";
import { type ProxyMode, startFaultProxy } from "./fault-proxy.ts";
import { startLocalFunctions } from "./local-functions.ts";

const stack = await startLocalFunctions();
const proxy = await startFaultProxy(stack.url);

export interface Operations {
  token(email: string, audience?: string): Promise<string>;
  setMode(mode: ProxyMode): void;
  received(): { path: string; body: string }[];
  openCampaign(year: number): Promise<void>;
  closeCampaign(year: number): Promise<void>;
  configureCampaign(year: number, settings: CampaignSettings): Promise<void>;
  /** What the functions answer to a raw POST of `body` (text sent as is), signed in as `email`. */
  post(name: FunctionName, body: string, email: string): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

const operations: Operations = {
  token: (email, audience) => stack.token(email, audience ? { audience } : {}),
  setMode: (mode) => {
    proxy.mode = mode;
  },
  received: () => proxy.received,
  openCampaign: (year) => openCampaign(stack.db, year, {}, ADMIN, new Date()),
  closeCampaign: (year) => closeCampaign(stack.db, year, ADMIN, new Date()),
  configureCampaign: (year, settings) =>
    configureCampaign(stack.db, year, settings, ADMIN, new Date()),
  post: async (name, body, email) => {
    const response = await stack.call(name, { body, token: await stack.token(email) });
    return { status: response.status, body: await response.json() };
  },
  stop: async () => {
    await proxy.close();
    await stack.close();
  },
};

const port = parentPort;
if (!port) throw new Error("functions-worker.ts runs as a worker thread");
port.on("message", async (message: { id: number; op: keyof Operations; args: unknown[] }) => {
  try {
    const fn = operations[message.op] as (...args: unknown[]) => unknown;
    port.postMessage({ id: message.id, result: await fn(...message.args) });
  } catch (error) {
    port.postMessage({ id: message.id, error: String(error) });
  }
});
port.postMessage({ ready: { direct: stack.url, proxy: proxy.url } });
