// The authorisation mode of the running trigger: in AuthMode.NONE Apps Script refuses every service that needs consent.
export type AuthModeName = "NONE" | "LIMITED" | "FULL";

export class AuthGate {
  mode: AuthModeName = "FULL";

  /** Throws like Apps Script when a service needing authorisation is called in AuthMode.NONE. */
  require(what: string): void {
    if (this.mode === "NONE") {
      throw new Error(
        `Exception: You do not have permission to call ${what}. The add-on runs in AuthMode.NONE.`,
      );
    }
  }

  /** Runs `work` as a trigger in `mode`, then restores full authorisation. */
  run<T>(mode: AuthModeName, work: () => T): T {
    const before = this.mode;
    this.mode = mode;
    try {
      return work();
    } finally {
      this.mode = before;
    }
  }
}
