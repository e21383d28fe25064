// N-1: the previous exercice's activity figures, taken from the structure's last accepted return at the Union.
import { FIELDS, type Field, field, getValue, type PimmsReturn } from "@barometre/shared";
import { getFunction } from "./functions-client.ts";
import { functionsBase } from "./functions-config.ts";
import { identityToken } from "./identity.ts";

/** Each N-1 field ("activity.prevReasonsDigital") with the field of the previous return it copies. */
const PREVIOUS_FIELDS = FIELDS.filter(
  (f) => f.section === "activity" && /^prev[A-Z]/.test(f.id),
).map((target) => ({
  target,
  source: field(`activity.${target.id.charAt(4).toLowerCase()}${target.id.slice(5)}`),
}));

export interface PreviousYear {
  /** Values for the N-1 fields that are empty now; filled ones are never overwritten. */
  values: { field: Field; value: number }[];
  /** What happened, in one French sentence; null when there was nothing to do. */
  sentence: string | null;
}

export function previousYear(ret: PimmsReturn): PreviousYear {
  const empty = PREVIOUS_FIELDS.filter((p) => getValue(ret, p.target) === null);
  const code = ret.identification.structureCode;
  const year = ret.identification.year;
  if (empty.length === 0 || !code || typeof year !== "number" || functionsBase() === null) {
    return { values: [], sentence: null };
  }
  const t = getFunction("previousReturn", identityToken(), { structureCode: code, year: year - 1 });
  if ("failure" in t || (t.status !== 200 && t.status !== 404)) {
    return {
      values: [],
      sentence: `Les motifs N-1 n'ont pas pu être repris du retour ${year - 1} (service de l'Union indisponible) : relancez la préparation plus tard ou saisissez-les.`,
    };
  }
  const previous = "answer" in t ? t.answer.return : undefined;
  if (!previous) {
    return {
      values: [],
      sentence: `Aucun retour ${year - 1} de la structure n'est connu de l'Union : saisissez les motifs N-1 si vous les connaissez.`,
    };
  }
  const values = empty.flatMap((p) => {
    const value = getValue(previous, p.source);
    return typeof value === "number" ? [{ field: p.target, value }] : [];
  });
  return {
    values,
    sentence:
      values.length > 0
        ? `Motifs N-1 repris du retour ${year - 1} envoyé à l'Union.`
        : `Le retour ${year - 1} ne contient pas de motifs à reprendre en N-1.`,
  };
}
