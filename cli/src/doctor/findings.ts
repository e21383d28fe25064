// What barometre doctor found: one line per check, a fix for each fault, and its exit code.

export interface Finding {
  label: string;
  /** true holds, false a fault, null not knowable here (said in `detail`, not a fault). */
  ok: boolean | null;
  detail?: string;
  fix?: string;
}

export const holds = (label: string, detail?: string): Finding => ({ label, ok: true, detail });
export const fault = (label: string, detail: string, fix: string): Finding => ({
  label,
  ok: false,
  detail,
  fix,
});
export const unknown = (label: string, detail: string): Finding => ({ label, ok: null, detail });

export function report(findings: readonly Finding[]): { text: string; code: number } {
  const lines = findings.flatMap((f) => [
    `${f.ok === true ? "✓" : f.ok === false ? "✗" : "–"} ${f.label}${f.detail ? ` : ${f.detail}` : ""}`,
    ...(f.fix ? [`    → ${f.fix}`] : []),
  ]);
  const faults = findings.filter((f) => f.ok === false);
  lines.push(
    "",
    faults.length === 0
      ? "Tout est en ordre."
      : `${faults.length} problème${faults.length > 1 ? "s" : ""} à corriger : ${faults.map((f) => f.label).join(" ; ")}.`,
  );
  return { text: `${lines.join("\n")}\n`, code: faults.length === 0 ? 0 : 1 };
}
