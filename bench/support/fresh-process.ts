// Times module loading in a fresh Node process (the same Node as this one), so nothing is cached from earlier runs.
import { spawn } from "node:child_process";

/** Runs in the child: imports each module in turn and prints the milliseconds it took, Node's own start excluded. */
const CHILD = `
const start = performance.now();
for (const specifier of JSON.parse(process.argv[1])) await import(specifier);
process.stdout.write(String(performance.now() - start));
`;

/** The environment without what this process set for itself (loaders, an emulator host). */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ["NODE_OPTIONS", "FIRESTORE_EMULATOR_HOST", "GCLOUD_PROJECT"])
    delete env[name];
  return env;
}

/**
 * Milliseconds a new process spends importing `specifiers` (package names resolved from `cwd`, or file URLs).
 * The process exits right after, so its own teardown is not counted either.
 */
export function coldImportMs(specifiers: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--input-type=module", "-e", CHILD, JSON.stringify(specifiers)],
      { cwd, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(out);
      if (code === 0 && Number.isFinite(ms)) resolve(ms);
      else
        reject(
          new Error(
            `le chargement de ${specifiers.join(", ")} a échoué (code ${code}) : ${err.trim()}`,
          ),
        );
    });
  });
}
