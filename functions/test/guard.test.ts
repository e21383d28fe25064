// The guard around every handler: refusals keep their status, an outage becomes a French 503, a bug a logged 500.

import { Refusal } from "@barometre/shared";
import { describe, expect, it } from "vitest";
import {
  guard,
  HttpError,
  type HttpRequest,
  type HttpResponse,
  MAX_ERROR_CHARS,
} from "../src/http/guard.ts";

function fakeResponse() {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = {
    headers: {},
  };
  const res = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return res;
    },
    set(headers: Record<string, string>) {
      Object.assign(sent.headers, headers);
      return res;
    },
    json(body: unknown) {
      sent.body = body;
      return res;
    },
    send(body: unknown) {
      sent.body = body;
      return res;
    },
  };
  return { res: res as unknown as HttpResponse, sent };
}

const request = {
  method: "POST",
  headers: { authorization: "Bearer secret-token" },
} as unknown as HttpRequest;

async function run(error: unknown) {
  const logs: [string, Record<string, unknown>][] = [];
  const { res, sent } = fakeResponse();
  await guard("test", { error: (m, d) => logs.push([m, d]) }, async () => {
    throw error;
  })(request, res);
  return { sent, logs };
}

describe("guard", () => {
  it("answers a refusal with its status, headers, French sentence and findings", async () => {
    const findings = [{ severity: "error" as const, field: "x", cell: null, message: "m" }];
    const { sent, logs } = await run(new HttpError(422, "Corrigez.", findings, { "X-A": "b" }));
    expect(sent).toEqual({
      status: 422,
      body: { error: "Corrigez.", findings },
      headers: { "X-A": "b" },
    });
    expect(logs).toEqual([]);
  });

  it("answers each kind of domain refusal with its status and French sentence", async () => {
    const findings = [{ severity: "error" as const, field: "x", cell: null, message: "m" }];
    const statuses = {
      malformed: 400,
      invalid: 422,
      "not-found": 404,
      conflict: 409,
      forbidden: 403,
      unavailable: 503,
    } as const;
    for (const [kind, status] of Object.entries(statuses)) {
      const { sent, logs } = await run(new Refusal(kind as keyof typeof statuses, "Non."));
      expect(sent).toEqual({ status, body: { error: "Non." }, headers: {} });
      expect(logs).toEqual([]);
    }
    const { sent } = await run(new Refusal("invalid", "Corrigez.", findings));
    expect(sent.body).toEqual({ error: "Corrigez.", findings });
  });

  it("cuts a refusal's sentence that grew with the request, so no answer does", async () => {
    const { sent } = await run(new HttpError(400, `Champ inconnu ${"« x », ".repeat(100_000)}.`));
    const { error } = sent.body as { error: string };
    expect(error).toHaveLength(MAX_ERROR_CHARS);
    expect(error.endsWith("…")).toBe(true);
    expect(error.startsWith("Champ inconnu « x »")).toBe(true);
  });

  it("answers a Firestore outage (UNAVAILABLE, DEADLINE_EXCEEDED) with a French 503", async () => {
    for (const code of [14, 4]) {
      const { sent, logs } = await run(
        Object.assign(new Error("14 UNAVAILABLE: No connection"), { code }),
      );
      expect(sent.status).toBe(503);
      expect((sent.body as { error: string }).error).toContain("momentanément indisponible");
      expect(logs).toHaveLength(1);
    }
  });

  it("answers anything else with a French 500, logging the error but never the request", async () => {
    const { sent, logs } = await run(new TypeError("x is undefined"));
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      error:
        "Erreur inattendue du serveur. Réessayez plus tard ; si elle persiste, prévenez l'Union.",
    });
    expect(JSON.stringify(logs)).toContain("x is undefined");
    expect(JSON.stringify(logs)).not.toContain("secret-token");
  });
});
