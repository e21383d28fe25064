// Firestore gone mid-service: requests get a French, retryable 503 at their deadline instead of waiting out the
// client's own retries (about 44 s).

import {
  createDevAuth,
  type DevAuth,
  emulatorFirestore,
  type FirestoreEmulator,
  type FunctionsServer,
  startFirestoreEmulator,
  startFunctionsServer,
} from "@barometre/stack";
import { ATTESTATION, AUDIENCE, sampleReturn } from "@barometre/testing/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let emulator: FirestoreEmulator;
let server: FunctionsServer;
let auth: DevAuth;
const logged: string[] = [];

beforeAll(async () => {
  emulator = await startFirestoreEmulator(`demo-deadline-${process.pid}`);
  auth = await createDevAuth();
  server = await startFunctionsServer({
    db: emulatorFirestore(emulator),
    audiences: [AUDIENCE],
    devAuth: auth,
    requestDeadlineMs: 1_500,
    logError: (message) => logged.push(message),
  });
});
afterAll(() => server.close());

describe("a request past its deadline", () => {
  it("is answered 503 in French while Firestore cannot be reached", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    emulator.stop();
    const token = await auth.signIdToken("direction@pimms-rennes.example", { audience: AUDIENCE });
    const res = await fetch(`${server.url}/submitReturn`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        return: sampleReturn(),
        idempotencyKey: "deadline-key-1",
        attestation: ATTESTATION,
      }),
    });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toBe(
      "Le service est momentanément indisponible. Réessayez dans quelques minutes : rien n'a été perdu.",
    );
    expect(logged).toContain("submitReturn: délai de réponse dépassé");
  });
});
