// A Vitest reporter that ends the run with each package's share: its test files, its tests, and the time its files took.
import type { Reporter, TestModule } from "vitest/node";

interface Share {
  files: number;
  tests: number;
  ms: number;
}

/** Each package's files, tests and summed file time (collection and tests). */
export function packageShares(modules: ReadonlyArray<TestModule>): Map<string, Share> {
  const shares = new Map<string, Share>();
  for (const m of modules) {
    const name = m.project.name || "(racine)";
    const share = shares.get(name) ?? { files: 0, tests: 0, ms: 0 };
    const d = m.diagnostic();
    share.files += 1;
    share.tests += [...m.children.allTests()].length;
    share.ms += d.collectDuration + d.duration;
    shares.set(name, share);
  }
  return shares;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const count = (n: number, word: string) => `${String(n).padStart(5)} ${word}${n > 1 ? "s" : ""}`;

export default class PackageDurations implements Reporter {
  /** `order`: the packages in the order to print them (those of the config); others follow. */
  constructor(private readonly options: { order?: readonly string[] } = {}) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const shares = packageShares(modules);
    if (shares.size < 2) return;
    const order = this.options.order ?? [];
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    const width = Math.max(...[...shares.keys()].map((k) => k.length));
    const lines = [...shares]
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(
        ([name, s]) =>
          `  ${name.padEnd(width)}  ${count(s.files, "fichier")}  ${count(s.tests, "test")}  ${seconds(s.ms).padStart(8)}`,
      );
    process.stdout.write(
      `\nDurée par paquet (temps cumulé de ses fichiers, qui tournent en parallèle) :\n${lines.join("\n")}\n`,
    );
  }
}
