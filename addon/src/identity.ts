// The user's Google ID token for the Union's functions, and the e-mail address it carries.
import { UserError } from "./user-error.ts";

export function identityToken(): string {
  const token = ScriptApp.getIdentityToken();
  if (!token) {
    throw new UserError(
      "Votre identité Google n'a pas pu être obtenue : fermez puis rouvrez le classeur, et réessayez.",
    );
  }
  return token;
}

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** UTF-8 text of a base64url string (Apps Script has no atob). */
function decodeBase64Url(text: string): string {
  let bits = 0;
  let buffer = 0;
  let escaped = "";
  for (const ch of text) {
    const index = BASE64URL.indexOf(ch);
    if (index < 0) continue;
    buffer = ((buffer << 6) | index) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      escaped += `%${((buffer >> bits) & 0xff).toString(16).padStart(2, "0")}`;
    }
  }
  return decodeURIComponent(escaped);
}

/** The `email` claim of an ID token, shown as who sent a revision; null if the token does not say. */
export function tokenEmail(token: string): string | null {
  try {
    const claims = JSON.parse(decodeBase64Url(token.split(".")[1] ?? "")) as { email?: unknown };
    return typeof claims.email === "string" ? claims.email : null;
  } catch {
    return null;
  }
}
