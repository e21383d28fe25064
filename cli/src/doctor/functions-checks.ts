// barometre doctor, the functions' side: reachable at the address given, same version as the checkout, audience and sender set.
import { checkoutVersion, REPOSITORY_ROOT } from "@barometre/functions/admin";
import { functionPath, type HealthzAnswer } from "@barometre/shared";
import { type Finding, fault, holds } from "./findings.ts";

const DEPLOY = "npm run deploy:functions (docs/deploy.md)";

export async function readHealth(
  base: string,
): Promise<{ health: HealthzAnswer | null; finding: Finding }> {
  const url = `${base}${functionPath("healthz")}`;
  const label = `Fonctions joignables (${url})`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    if (res.status !== 200) {
      return {
        health: null,
        finding: fault(
          label,
          `réponse ${res.status}`,
          `Consultez les journaux des fonctions ; redéployez : ${DEPLOY}.`,
        ),
      };
    }
    return { health: (await res.json()) as HealthzAnswer, finding: holds(label) };
  } catch {
    return {
      health: null,
      finding: fault(
        label,
        "aucune réponse",
        `Vérifiez l'adresse (--base) ou déployez les fonctions : ${DEPLOY}.`,
      ),
    };
  }
}

export function healthFindings(health: HealthzAnswer, clientId: string | undefined): Finding[] {
  const expected = checkoutVersion(REPOSITORY_ROOT);
  const findings: Finding[] = [
    health.version === expected
      ? holds("Version des fonctions", expected)
      : fault(
          "Version des fonctions",
          `les fonctions sont en ${health.version ?? "version inconnue"}, le dépôt en ${expected}`,
          `Déployez la version du dépôt : ${DEPLOY}.`,
        ),
  ];
  const audienceFix = `Mettez ${clientId ?? "l'identifiant du client OAuth du script"} dans ADDON_OAUTH_CLIENT_ID (functions/.env.<projet>), puis ${DEPLOY}.`;
  if (health.audiences.length === 0) {
    findings.push(fault("Audience des jetons", "aucune audience acceptée", audienceFix));
  } else if (clientId && !health.audiences.includes(clientId)) {
    findings.push(
      fault(
        "Audience des jetons",
        `le client du module (${clientId}) n'est pas accepté (acceptés : ${health.audiences.join(", ")}) : chaque appel du module serait refusé (401)`,
        audienceFix,
      ),
    );
  } else {
    findings.push(
      holds(
        "Audience des jetons",
        clientId
          ? `le client du module est accepté`
          : `${health.audiences.join(", ")} (indiquez --client-id pour la comparer au module)`,
      ),
    );
  }
  findings.push(
    health.mailFrom
      ? holds("Expéditeur des courriels (MAIL_FROM)")
      : fault(
          "Expéditeur des courriels (MAIL_FROM)",
          "vide",
          `Renseignez MAIL_FROM dans functions/.env.<projet>, puis ${DEPLOY}.`,
        ),
  );
  return findings;
}
