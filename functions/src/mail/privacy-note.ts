// The closing sentence of every mail sent to a structure: where the Union's privacy page (the text of docs/rgpd.md)
// says what the Baromètre keeps, for how long, and how to exercise one's rights.

/** With no page configured (PRIVACY_URL empty), the sentence sends the reader to the Union instead. */
export function privacySentence(privacyUrl: string | null): string {
  const rights =
    "ce que le Baromètre garde sur votre structure, combien de temps, et comment en obtenir une copie, le faire corriger ou effacer";
  return privacyUrl
    ? `Vos données : ${rights}, sont décrits sur la page de confidentialité du Baromètre : ${privacyUrl}`
    : `Vos données : pour savoir ${rights}, écrivez à l'Union.`;
}
