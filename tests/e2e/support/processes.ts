// The barometre command run as a user runs it: `npm start` to its end, or `start --serve` kept running until a signal.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "../../..");
const BIN = join(ROOT, "cli/bin/barometre.js");
const ENV = { ...process.env, FORCE_COLOR: "0" };

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Running {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  /** Resolves when the process has ended, however. */
  exit: Promise<Ended>;
}

function run(command: string, args: readonly string[]): Running {
  const child = spawn(command, args, { cwd: ROOT, env: ENV });
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (c: Buffer) => {
    output.stdout += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output.stderr += c.toString();
  });
  const exit = new Promise<Ended>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve({ code, signal, ...output }));
  });
  return { child, output, exit };
}

/** The promise's value, or a failure naming what did not happen in time (the process is then killed). */
function within<T>(r: Running, promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      r.child.kill("SIGKILL");
      reject(new Error(`${what} after ${ms} ms; standard error:\n${r.output.stderr}`));
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** `npm start -- ARGS` from the repository root, exactly the quick start; it must end by itself within `ms`. */
export function npmStart(args: readonly string[], ms: number): Promise<Ended> {
  const r = run("npm", ["start", "--", ...args]);
  return within(r, r.exit, ms, "Still running");
}

export interface Served {
  url: string;
  output: { stdout: string; stderr: string };
  /** Sends the signal; resolves when the process has ended by itself. */
  stop(signal: NodeJS.Signals, ms: number): Promise<Ended>;
  /** Ends it for sure (after a failed test). */
  kill(): void;
}

/** `barometre start --serve ARGS` (node itself, so signals reach it), once it prints its base URL. */
export async function serve(args: readonly string[], ms: number): Promise<Served> {
  const r = run(process.execPath, [BIN, "start", "--serve", ...args]);
  const ready = new Promise<string>((resolve, reject) => {
    r.child.stdout?.on("data", () => {
      const url = /Pile locale prête : (http:\/\/127\.0\.0\.1:\d+)/.exec(r.output.stdout)?.[1];
      if (url) resolve(url);
    });
    r.exit.then((e) => reject(new Error(`Ended before serving (${e.code}):\n${e.stderr}`)), reject);
  });
  const url = await within(r, ready, ms, "No base URL");
  return {
    url,
    output: r.output,
    stop: (signal, stopMs) => {
      r.child.kill(signal);
      return within(r, r.exit, stopMs, `Still running after ${signal}`);
    },
    kill: () => r.child.kill("SIGKILL"),
  };
}
