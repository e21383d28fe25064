// npm start -- --serve: the demo stack kept serving the API with its own tokens, until SIGTERM stops it cleanly;
// and barometre dev-token, which asks such a stack for a token.

import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type FunctionName,
  generateNetwork,
  type ManageCampaignAnswer,
  type PreviousReturnAnswer,
  type ReviewRequest,
  type SubmitRequest,
} from "@barometre/shared";
import { type CallOptions, callFunction } from "@barometre/stack";
import { runCli } from "@barometre/testing/run-cli";
import { ATTESTATION } from "@barometre/testing/stack";
import { generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMailFiles } from "./support/mail-files.ts";
import { type Served, serve } from "./support/processes.ts";

const { structures } = generateNetwork();
const rennes = structures[0] as (typeof structures)[number];
const other = structures[1] as (typeof structures)[number];
const director = rennes.current.identification.directorEmail as string;
const ADMIN = "union@pimms.example";

let out: string;
let stack: Served;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), "barometre-serve-"));
  stack = await serve(["--port", "0", "--out", out], 180_000);
}, 200_000);

afterAll(async () => {
  stack?.kill();
  await rm(out, { recursive: true, force: true });
});

async function devToken(email: string, base = stack.url) {
  return runCli(["dev-token", email, "--base", base]);
}

async function tokenOf(email: string): Promise<string> {
  const { code, stdout, stderr } = await devToken(email);
  expect(code, stderr).toBe(0);
  return stdout.trim();
}

const call = (name: FunctionName, token: string, init: Omit<CallOptions, "token"> = {}) =>
  callFunction(stack.url, name, { ...init, token });

/** A token like the stack's in every claim, but signed by another key. */
async function forged(email: string, real: string): Promise<string> {
  const claims = JSON.parse(Buffer.from(real.split(".")[1] as string, "base64url").toString());
  const header = JSON.parse(Buffer.from(real.split(".")[0] as string, "base64url").toString());
  const { privateKey } = await generateKeyPair("RS256");
  return new SignJWT({ ...claims, email })
    .setProtectedHeader({ alg: "RS256", kid: header.kid, typ: "JWT" })
    .sign(privateKey);
}

const previous = (token: string, code = rennes.code) =>
  call("previousReturn", token, { query: { structureCode: code, year: "2018" } });

describe("npm start -- --serve", () => {
  it("prints its base URL in French, on 127.0.0.1, and answers healthz", async () => {
    expect(stack.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(stack.output.stdout).toContain(
      "Campagne 2018 ouverte, 35 retours de démonstration envoyés.",
    );
    const res = await fetch(`${stack.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mailFrom: true });
  });

  it("accepts a dev-token: the director reads the imported return and submits a revision", async () => {
    const token = await tokenOf(director);
    const before = await previous(token);
    expect(before.status).toBe(200);
    const stored = (await before.json()) as PreviousReturnAnswer;
    expect(stored.return).toEqual(rennes.current);
    expect(stored.revision).toBe(1);
    const changed = structuredClone(rennes.current);
    changed.network.eventParticipants = (changed.network.eventParticipants ?? 0) + 1;
    const res = await call("submitReturn", token, {
      body: {
        return: changed,
        idempotencyKey: "essai-serve-revision-2",
        attestation: ATTESTATION,
      } satisfies SubmitRequest,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "accepted", revision: 2, duplicate: false });
    expect(((await (await previous(token)).json()) as PreviousReturnAnswer).return).toEqual(
      changed,
    );
  });

  it("writes every mail to out/mail/ as it arrives: the Union's request reaches the director's mailbox", async () => {
    const res = await call("reviewReturn", await tokenOf(ADMIN), {
      body: {
        structureCode: rennes.code,
        year: 2018,
        revision: 2,
        state: "hasIssues",
        comment: "Le nombre de participants aux événements a changé : pourquoi ?",
        fields: ["network.eventParticipants"],
      } satisfies ReviewRequest,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const request = async () => {
      const mails = await readMailFiles(join(out, "mail"));
      return mails.find((m) => m.mail.subject?.includes("vous demande de corriger"));
    };
    await expect.poll(request, { timeout: 20_000 }).toBeDefined();
    const mail = await request();
    expect(mail?.to).toEqual([director]);
    expect(mail?.mail.text).toContain(
      "Le nombre de participants aux événements a changé : pourquoi ?",
    );
  });

  it("keeps the campaign open, with the Union admin known", async () => {
    const res = await call("manageCampaign", await tokenOf(ADMIN), { query: { year: "2018" } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as ManageCampaignAnswer).campaign.state).toBe("open");
  });

  it("refuses a token signed by another key, and a director reading another structure", async () => {
    const real = await tokenOf(director);
    const fake = await forged(director, real);
    expect((await previous(fake)).status).toBe(401);
    const refused = await call("submitReturn", fake, {
      body: {
        return: rennes.current,
        idempotencyKey: "essai-serve-faux-jeton",
        attestation: ATTESTATION,
      },
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toMatch(/jeton/i);
    expect((await previous(real, other.code)).status).toBe(403);
  });

  it("stops cleanly on SIGTERM: exit code 0, port closed", async () => {
    const ended = await stack.stop("SIGTERM", 30_000);
    expect(ended.signal).toBeNull();
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stderr).toContain("Pile locale arrêtée.");
    await expect(fetch(`${stack.url}/healthz`)).rejects.toThrow();
    const gone = await devToken(director);
    expect(gone.code).toBe(2);
    expect(gone.stderr).toContain(`Aucune pile locale ne répond à ${stack.url}`);
  });
});

describe("barometre dev-token", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(404).end("Not Found"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("says in French that a server is not a local stack", async () => {
    const { code, stdout, stderr } = await devToken(director, base);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toBe(
      `${base} n'est pas une pile locale du Baromètre : elle ne délivre pas de jeton de développement (réponse 404).\n`,
    );
  });

  it("refuses what is not an HTTP address, and asks for one address", async () => {
    const bad = await devToken(director, "127.0.0.1:5001");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("« 127.0.0.1:5001 » n'est pas une adresse HTTP");
    const none = await runCli(["dev-token"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Indiquez une seule adresse.");
  });
});

describe("npm start -- --help", () => {
  it("explains the options in French", async () => {
    const { code, stdout } = await runCli(["start", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage : barometre start [--out DOSSIER] [--serve [--port N]]");
    for (const option of ["--out DOSSIER", "--serve", "--port N"]) expect(stdout).toContain(option);
    expect(stdout).toContain("sans compte Google ni réseau");
  });

  it("refuses --port without --serve", async () => {
    const { code, stderr } = await runCli(["start", "--port", "8080"]);
    expect([code, stderr]).toEqual([2, "L'option --port ne s'emploie qu'avec --serve.\n"]);
  });
});
