// A proxy in front of the local functions that can delay their answers or fail like a broken network or server.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type ProxyMode =
  | { kind: "pass" }
  /** The request reaches the functions; their answer comes back only after `ms`. */
  | { kind: "slow"; ms: number }
  /** Answers this status and body itself, the functions never see the request. */
  | { kind: "answer"; status: number; body: unknown };

export interface FaultProxy {
  url: string;
  mode: ProxyMode;
  /** Bodies of the requests that reached the proxy, in order. */
  received: { path: string; body: string }[];
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const proxy: FaultProxy = {
    url: "",
    mode: { kind: "pass" },
    received: [],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    proxy.received.push({ path: req.url ?? "", body });
    const mode = proxy.mode;
    if (mode.kind === "answer") {
      res.writeHead(mode.status, { "content-type": "application/json" });
      return res.end(JSON.stringify(mode.body));
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(
        (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "host",
      ),
    );
    const answer = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === "GET" ? undefined : body,
    });
    const text = await answer.text();
    if (mode.kind === "slow") await new Promise((r) => setTimeout(r, mode.ms));
    if (res.destroyed) return;
    res.writeHead(answer.status, { "content-type": "application/json" });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

/** An address where nothing listens: the port of a server opened then closed. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
