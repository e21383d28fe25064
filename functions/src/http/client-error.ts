// A request Node's HTTP parser refuses before any handler runs (headers too large, malformed): answered with the
// same French `{ error }` as every other refusal instead of Node's bare status line. For servers we start ourselves
// (the local stack); deployed functions sit behind Cloud Run's front end, which answers such requests itself.
import type { Duplex } from "node:stream";

const TOO_LARGE = [
  "431 Request Header Fields Too Large",
  "Les en-têtes de la requête dépassent la taille acceptée : un jeton d'identité n'en demande qu'une petite partie.",
] as const;

const MALFORMED = [
  "400 Bad Request",
  "La requête HTTP est mal formée : elle n'a pas été lue.",
] as const;

/** The `clientError` listener of an http.Server: one French JSON answer, then the connection is closed. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] = error.code === "HPE_HEADER_OVERFLOW" ? TOO_LARGE : MALFORMED;
  const body = JSON.stringify({ error: message });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
