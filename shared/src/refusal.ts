// A refusal the domain explains in French: what kind of refusal it is, never how a caller shows it.
import type { Finding } from "./validation/finding.ts";

/**
 * Why an action is refused. The HTTP guard and the CLI each map a kind to their own form (a status, an exit code):
 * - "malformed": the request or arguments do not have the expected form (HTTP 400);
 * - "invalid": well-formed, but the content breaks a rule, named with its field (HTTP 422);
 * - "not-found", "conflict" (the state of stored data forbids it: closed, locked, replaced), "forbidden";
 * - "unavailable": a passing condition, retrying later succeeds.
 */
export type RefusalKind =
  | "malformed"
  | "invalid"
  | "not-found"
  | "conflict"
  | "forbidden"
  | "unavailable";

export class Refusal extends Error {
  readonly kind: RefusalKind;
  /** The findings behind an "invalid" refusal, each naming its field and cell. */
  readonly findings: Finding[] | undefined;

  /** `message` is the French sentence the person reads, naming the field, cell or item concerned. */
  constructor(kind: RefusalKind, message: string, findings?: Finding[]) {
    // No parameter properties: Node runs the shared core with type stripping only.
    super(message);
    this.name = "Refusal";
    this.kind = kind;
    this.findings = findings;
  }
}
