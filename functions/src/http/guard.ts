// The HTTP vocabulary of every handler: request and response shapes, French refusals, and the guard that answers them.
import { FIRST_YEAR, type Finding, LAST_YEAR, Refusal, type RefusalKind } from "@barometre/shared";
import type { Request, Response } from "express";
import { REQUEST_DEADLINE_MS } from "../runtime/config.ts";
import type { Logger } from "../runtime/logger.ts";
import { isUnavailable } from "../storage/firestore-errors.ts";

/**
 * What a handler reads from a request: an express request (local stack, tests) or the Cloud Functions one,
 * which also carries the body already read as `rawBody`.
 */
export type HttpRequest = Pick<Request, "method" | "headers" | "query" | "resume"> &
  AsyncIterable<Buffer | string> & { rawBody?: Buffer };

export type HttpResponse = Pick<Response, "status" | "set" | "json" | "send" | "headersSent">;

export type Handler = (req: HttpRequest, res: HttpResponse) => Promise<void>;

/** A refusal of HTTP itself (method, body, headers, token): the status and the French sentence the caller reads. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly findings?: Finding[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/** The method a handler answers, or 405 naming the ones it accepts. */
export function requireMethod(req: HttpRequest, ...allowed: string[]): void {
  if (allowed.includes(req.method)) return;
  throw new HttpError(
    405,
    `Méthode ${req.method} non acceptée : utilisez ${allowed.join(" ou ")}.`,
    undefined,
    { Allow: allowed.join(", ") },
  );
}

/** One query parameter as a single string, or null when absent; a repeated parameter is refused. */
export function queryParam(req: HttpRequest, name: string): string | null {
  const value = req.query[name];
  if (value === undefined) return null;
  if (typeof value !== "string")
    throw new HttpError(400, `Le paramètre « ${name} » doit apparaître une seule fois.`);
  return value;
}

/** An exercice given as a query parameter: a whole year between FIRST_YEAR and LAST_YEAR. */
export function yearParam(req: HttpRequest): number {
  const raw = queryParam(req, "year");
  const year = raw === null ? Number.NaN : Number(raw);
  if (!/^\d{4}$/.test(raw ?? "") || year < FIRST_YEAR || year > LAST_YEAR)
    throw new HttpError(
      400,
      `Le paramètre « year » doit être une année entre ${FIRST_YEAR} et ${LAST_YEAR}.`,
    );
  return year;
}

/**
 * Longest `error` sentence answered: messages name a few items then count the rest, so this only cuts a message
 * that forgot to, and no answer grows with the request that caused it.
 */
export const MAX_ERROR_CHARS = 2_000;

const bounded = (message: string) =>
  message.length > MAX_ERROR_CHARS ? `${message.slice(0, MAX_ERROR_CHARS - 1)}…` : message;

/** The status of each kind of domain refusal. */
const STATUS: Record<RefusalKind, number> = {
  malformed: 400,
  invalid: 422,
  "not-found": 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
};

/** A domain refusal as the HTTP answer it stands for. */
const asHttp = (refusal: Refusal) =>
  new HttpError(STATUS[refusal.kind], refusal.message, refusal.findings);

function refuse(res: HttpResponse, error: HttpError): void {
  res.set(error.headers);
  const message = bounded(error.message);
  res
    .status(error.status)
    .json(error.findings ? { error: message, findings: error.findings } : { error: message });
}

/** A request still running after its deadline: Firestore retries an outage for about 44 s before giving up. */
class DeadlineExceeded extends Error {}

/**
 * The handler, or a DeadlineExceeded after `ms`: the caller gets a prompt, retryable answer. The handler may
 * still finish its work afterwards; a submission retried with the same idempotency key then finds it.
 */
async function within(ms: number, run: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded()), ms);
  });
  try {
    await Promise.race([run, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Wraps a handler so every failure becomes a French `{ error }` answer: refusals with their status (a domain
 * Refusal with its kind's), a Firestore outage or a request past its deadline as 503, anything else as 500
 * logged without the request (so never a token).
 */
export function guard(
  name: string,
  logger: Logger,
  handler: Handler,
  deadlineMs = REQUEST_DEADLINE_MS,
): Handler {
  return async (req, res) => {
    try {
      await within(deadlineMs, handler(req, res));
    } catch (error) {
      if (res.headersSent) return;
      if (error instanceof HttpError) return refuse(res, error);
      if (error instanceof Refusal) return refuse(res, asHttp(error));
      const detail = error instanceof Error ? error.message : String(error);
      if (isUnavailable(error) || error instanceof DeadlineExceeded) {
        const why =
          error instanceof DeadlineExceeded
            ? "délai de réponse dépassé"
            : "base de données indisponible";
        logger.error(`${name}: ${why}`, { detail });
        return refuse(
          res,
          new HttpError(
            503,
            "Le service est momentanément indisponible. Réessayez dans quelques minutes : rien n'a été perdu.",
          ),
        );
      }
      logger.error(`${name}: erreur inattendue`, {
        detail,
        stack: error instanceof Error ? error.stack : undefined,
      });
      refuse(
        res,
        new HttpError(
          500,
          "Erreur inattendue du serveur. Réessayez plus tard ; si elle persiste, prévenez l'Union.",
        ),
      );
    }
  };
}
