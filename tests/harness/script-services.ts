// ScriptApp, LockService and PropertiesService of the harness: identity token, document lock, stored properties.
import { asGas } from "./as-gas.ts";
import type { AuthGate } from "./auth-gate.ts";

/** ScriptApp.AuthMode as Apps Script exposes it. */
export const AUTH_MODES = {
  NONE: "NONE",
  CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
  LIMITED: "LIMITED",
  FULL: "FULL",
};

export function scriptApp(
  auth: AuthGate,
  identityToken: () => string,
): GoogleAppsScript.Script.ScriptApp {
  const app: Pick<GoogleAppsScript.Script.ScriptApp, "getIdentityToken" | "AuthMode"> = {
    AuthMode: asGas(AUTH_MODES),
    getIdentityToken() {
      auth.require("ScriptApp.getIdentityToken");
      return identityToken();
    },
  };
  return asGas(app);
}

/**
 * The document lock; `heldElsewhere` simulates another execution (another editor's click) holding it, and
 * `unavailable` a run outside a document's context, where getDocumentLock() returns null
 * (https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()).
 */
export class HarnessLock
  implements Pick<GoogleAppsScript.Lock.Lock, "tryLock" | "waitLock" | "hasLock" | "releaseLock">
{
  heldElsewhere = false;
  unavailable = false;
  private held = false;
  /** Every successful acquisition, to check the add-on takes the lock around its work. */
  acquisitions = 0;

  tryLock(_timeoutInMillis: number): boolean {
    if (this.heldElsewhere || this.held) return false;
    this.held = true;
    this.acquisitions++;
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new Error(
        "Exception: Lock timeout: another process was holding the lock for too long.",
      );
    }
  }

  hasLock(): boolean {
    return this.held;
  }

  releaseLock(): void {
    this.held = false;
  }
}

export function lockService(auth: AuthGate, lock: HarnessLock): GoogleAppsScript.Lock.LockService {
  const service: Pick<GoogleAppsScript.Lock.LockService, "getDocumentLock"> = {
    getDocumentLock() {
      auth.require("LockService.getDocumentLock");
      // @types declares Lock, the reference says Lock or null.
      return (lock.unavailable ? null : asGas(lock)) as GoogleAppsScript.Lock.Lock;
    },
  };
  return asGas(service);
}

export class HarnessProperties
  implements
    Pick<
      GoogleAppsScript.Properties.Properties,
      "getProperty" | "setProperty" | "deleteProperty" | "getProperties"
    >
{
  readonly store = new Map<string, string>();

  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }

  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.store.set(key, String(value));
    return asGas(this);
  }

  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.store.delete(key);
    return asGas(this);
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.store);
  }
}

export function propertiesService(
  auth: AuthGate,
  script: HarnessProperties,
  document: HarnessProperties,
): GoogleAppsScript.Properties.PropertiesService {
  const service: Pick<
    GoogleAppsScript.Properties.PropertiesService,
    "getScriptProperties" | "getDocumentProperties"
  > = {
    getScriptProperties() {
      auth.require("PropertiesService.getScriptProperties");
      return asGas(script);
    },
    getDocumentProperties() {
      auth.require("PropertiesService.getDocumentProperties");
      return asGas(document);
    },
  };
  return asGas(service);
}
