// barometre dev-token: an ID token for an address, signed by a running local stack (npm start -- --serve), which
// that stack alone accepts.

import { TOKEN_PATH } from "@barometre/stack";
import { parse } from "../args.ts";
import { DEFAULT_SERVE_PORT, localBase } from "../demo/serve-address.ts";
import { UserError } from "../errors.ts";
import type { Command } from "./command.ts";

const USAGE = "dev-token COURRIEL [--base URL]";
const DEFAULT_BASE = localBase(DEFAULT_SERVE_PORT);

/** The token endpoint of the stack at `base`, or a French refusal of an address that is not an HTTP URL. */
function tokenUrl(base: string, email: string): URL {
  const url = URL.canParse(base) ? new URL(base) : null;
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:"))
    throw new UserError(`« ${base} » n'est pas une adresse HTTP (par exemple ${DEFAULT_BASE}).`);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${TOKEN_PATH}`;
  url.searchParams.set("email", email);
  return url;
}

async function askToken(base: string, email: string): Promise<string> {
  const url = tokenUrl(base, email);
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new UserError(
      `Aucune pile locale ne répond à ${base} : lancez d'abord « npm start -- --serve », ou indiquez son adresse avec --base.`,
    );
  }
  const body = (await res.json().catch(() => null)) as { token?: unknown; error?: unknown } | null;
  // The stack refuses what it does not take for an address.
  if (res.status === 400 && typeof body?.error === "string")
    throw new UserError(`« ${email} » n'est pas une adresse électronique valide.`);
  if (!res.ok || typeof body?.token !== "string")
    throw new UserError(
      `${base} n'est pas une pile locale du Baromètre : elle ne délivre pas de jeton de développement (réponse ${res.status}).`,
    );
  return body.token;
}

const command: Command = {
  name: "dev-token",
  usage: USAGE,
  summary: "jeton d'identité pour essayer l'API de la pile locale (npm start -- --serve)",
  help: [
    "Affiche un jeton d'identité pour COURRIEL, signé par la clé de la pile locale lancée avec",
    "« npm start -- --serve » : cette pile seule l'accepte, jamais les fonctions déployées.",
    "La pile connaît les directions des structures de démonstration et l'administrateur de l'Union",
    "union@pimms.example. Le jeton vaut une heure.",
    "",
    `  --base URL   l'adresse de la pile locale (par défaut ${DEFAULT_BASE})`,
    "",
    "Exemple :",
    `  curl -H "Authorization: Bearer $(npx barometre dev-token union@pimms.example)" \\`,
    `    "${DEFAULT_BASE}/campaignExport?year=2018&format=csv"`,
  ].join("\n"),
  async run(argv) {
    const { values, positionals } = parse(argv, { base: { type: "string" } }, USAGE);
    const [email] = positionals;
    if (!email || positionals.length > 1)
      throw new UserError(`Indiquez une seule adresse.\nUsage : barometre ${USAGE}`);
    process.stdout.write(`${await askToken(values.base ?? DEFAULT_BASE, email)}\n`);
    return 0;
  },
};

export default command;
