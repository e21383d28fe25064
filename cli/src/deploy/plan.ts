// A deployment as prerequisites then commands: --dry-run checks every prerequisite and prints the commands without running them.
import { spawnSync } from "node:child_process";

/** One prerequisite: null problem when it holds, else what is wrong and the command or step that fixes it. */
export interface Check {
  label: string;
  problem: string | null;
  fix?: string;
}

export interface Step {
  /** What the step does, in French. */
  title: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Reads the command's standard output (else it goes to the terminal) and says what came of it. */
  report?: (stdout: string) => string;
}

export interface DeployPlan {
  title: string;
  checks: Check[];
  steps: Step[];
  /** What remains to do by hand afterwards, in French. */
  afterwards: string[];
}

export interface Probe {
  ok: boolean;
  stdout: string;
}

/** Runs a read-only command of a prerequisite check. */
export function probe(command: string, args: readonly string[], cwd: string): Probe {
  const run = spawnSync(command, args, { cwd, encoding: "utf8" });
  return { ok: !run.error && run.status === 0, stdout: run.stdout ?? "" };
}

const quote = (arg: string) =>
  /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;

export const commandLine = (step: Step) =>
  [
    ...Object.entries(step.env ?? {}).map(([k, v]) => `${k}=${quote(v)}`),
    step.command,
    ...step.args.map(quote),
  ].join(" ");

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Exit code: 0 done (or, dry, everything ready), 1 a prerequisite is missing or a command failed. */
export function runPlan(plan: DeployPlan, dryRun: boolean, cwd: string, io: Output): number {
  io.out(
    `${plan.title}${dryRun ? " — simulation (--dry-run) : rien n'est envoyé" : ""}\n\nVérifications :\n`,
  );
  for (const check of plan.checks) {
    io.out(`  ${check.problem ? "✗" : "✓"} ${check.label}\n`);
    if (check.problem) {
      io.out(`      ${check.problem}\n`);
      if (check.fix) io.out(`      → ${check.fix}\n`);
    }
  }
  const failed = plan.checks.filter((c) => c.problem);
  io.out(`\n${dryRun ? "Commandes qui seraient lancées" : "Commandes"} :\n`);
  plan.steps.forEach((step, i) => {
    io.out(`  ${i + 1}. ${step.title}\n     ${commandLine(step)}\n`);
  });
  if (failed.length > 0) {
    io.err(
      `\n${failed.length} prérequis manque${failed.length > 1 ? "nt" : ""} : corrigez ${failed.length > 1 ? "les points marqués" : "le point marqué"} ✗ puis relancez.\n`,
    );
    return 1;
  }
  if (dryRun) {
    io.out("\nTout est prêt : relancez sans --dry-run pour déployer.\n");
    return 0;
  }
  for (const [i, step] of plan.steps.entries()) {
    io.out(`\n→ ${i + 1}. ${step.title}\n`);
    const run = spawnSync(step.command, step.args, {
      cwd,
      env: { ...process.env, ...step.env },
      stdio: step.report ? ["inherit", "pipe", "inherit"] : "inherit",
      encoding: "utf8",
    });
    if (run.error || run.status !== 0) {
      io.err(`La commande a échoué : ${commandLine(step)}\nRien d'autre n'a été lancé.\n`);
      return 1;
    }
    if (step.report) io.out(`${step.report(run.stdout ?? "")}\n`);
  }
  if (plan.afterwards.length > 0)
    io.out(`\nEnsuite :\n${plan.afterwards.map((t) => `  - ${t}\n`).join("")}`);
  return 0;
}
