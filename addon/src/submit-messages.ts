// Every outcome of submitReturn (docs/api.md) as one calm French sentence.
import { serverSentence, type Transport } from "./functions-client.ts";

const TIMEOUT =
  "Le service de l'Union n'a pas répondu à temps. Votre classeur est intact ; réessayez : renvoyer le même retour ne crée pas de doublon.";
const UNREACHABLE =
  "Le service de l'Union est injoignable pour le moment. Votre classeur est intact ; vérifiez la connexion puis réessayez.";

/** Why a send did not go through; the server's own French sentence where it says more (who, which campaign). */
export function failureMessage(t: Transport, year: number | null): string {
  if ("failure" in t) return t.failure === "timeout" ? TIMEOUT : UNREACHABLE;
  const server = serverSentence(t);
  const campaign = year === null ? "La campagne" : `La campagne ${year}`;
  switch (t.status) {
    case 400:
      return "Le service de l'Union n'a pas compris l'envoi. Réessayez ; si cela se reproduit, prévenez l'Union.";
    case 401:
      return "Votre identité Google n'a pas été reconnue par le service de l'Union : fermez puis rouvrez le classeur, et réessayez.";
    case 403:
      return (
        server ??
        "Votre compte Google n'est pas autorisé à envoyer le retour de cette structure : vérifiez le code structure ou demandez l'accès à l'Union."
      );
    case 409:
      return server ?? `${campaign} est close : l'Union n'accepte plus d'envoi pour cet exercice.`;
    case 413:
      return "Le retour dépasse la taille acceptée (1 Mo) : prévenez l'Union.";
    case 422:
      return "Le service de l'Union a relevé des erreurs dans le retour : corrigez-les, puis renvoyez.";
  }
  if (t.status >= 500) {
    return `Le service de l'Union rencontre un problème passager (code ${t.status}). Rien n'a été enregistré et votre classeur est intact : réessayez dans quelques minutes.`;
  }
  return `Réponse inattendue du service de l'Union (code ${t.status}) : réessayez plus tard, et prévenez l'Union si cela se reproduit.`;
}

export function acceptedMessage(revision: number, duplicate: boolean): string {
  return duplicate
    ? `Ce retour était déjà arrivé à l'Union (révision ${revision}) : rien de nouveau n'a été enregistré.`
    : `Retour envoyé à l'Union : révision ${revision} enregistrée.`;
}
