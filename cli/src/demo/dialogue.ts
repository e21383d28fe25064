// npm start's review dialogue: the Union asks one structure about a warned figure, the director answers with a
// revision explaining it, a few other directors explain their warnings (the first also chooses a custom peer set),
// then the Union accepts (and so locks) most returns and leaves a few pending, as a Union officer would during a campaign.
import { type Finding, findField, type ReviewRequest } from "@barometre/shared";
import type { LocalStack } from "./local-stack.ts";
import type { Progress } from "./progress.ts";
import { attestationOf, callOk, type SubmittedReturn, UNION_ADMIN } from "./setup.ts";

/** How many directors explain the warnings of their return, and how many returns stay pending. */
const EXPLAINING = 3;
const LEFT_PENDING = 3;
/** The warnings each of them explains: the first ones, as a director answers what matters most. */
const EXPLAINED_PER_RETURN = 2;

export interface DialogueFacts {
  /** The structure asked to correct, which answered with a revision. */
  asked: string | null;
  /** Explanations sent with the revisions that explain warnings. */
  explanations: number;
  accepted: number;
  pending: number;
}

const warnedFields = (findings: readonly Finding[]) => [
  ...new Set(findings.flatMap((f) => (f.severity === "warning" && f.field ? [f.field] : []))),
];

const explanationOf = (key: string) =>
  `Valeur vérifiée par la direction : « ${findField(key)?.label ?? key} » reflète l'activité réelle de l'exercice (réorganisation de l'accueil et nouveaux partenariats).`;

export async function runDialogue(
  stack: LocalStack,
  submitted: SubmittedReturn[],
  progress: Progress,
): Promise<DialogueFacts> {
  const admin = await stack.token(UNION_ADMIN);
  const review = (
    code: string,
    year: number,
    body: Omit<ReviewRequest, "structureCode" | "year">,
  ) =>
    callOk(stack, "reviewReturn", `Examen du retour de ${code}`, {
      token: admin,
      body: { structureCode: code, year, ...body },
    });
  const explaining = submitted
    .filter((s) => warnedFields(s.findings).length > 0)
    .slice(0, EXPLAINING);
  const toAccept = submitted.slice(0, Math.max(0, submitted.length - LEFT_PENDING));
  progress.step(
    "Examen des retours par l'Union, explications et corrections des directions",
    explaining.length + toAccept.length,
  );
  const [asked] = explaining;
  if (asked) {
    const id = asked.ret.identification;
    const [field] = warnedFields(asked.findings);
    await review(id.structureCode as string, id.year as number, {
      revision: asked.revision,
      state: "hasIssues",
      comment: `Pouvez-vous confirmer « ${findField(field as string)?.label ?? field} » ? La valeur s'écarte nettement de ce qu'attend l'Union.`,
      fields: [field as string],
    });
  }
  let explanations = 0;
  for (const s of explaining) {
    const id = s.ret.identification;
    const texts = Object.fromEntries(
      warnedFields(s.findings)
        .slice(0, EXPLAINED_PER_RETURN)
        .map((key) => [key, explanationOf(key)]),
    );
    const answer = await callOk(stack, "submitReturn", `Explications de ${id.structureCode}`, {
      token: await stack.token(id.directorEmail as string),
      body: {
        return: s.ret,
        idempotencyKey: `npm-start-${id.year}-${id.structureCode}-explications`,
        explanations: texts,
        attestation: attestationOf(s.ret),
      },
    });
    s.revision = answer.revision;
    explanations += Object.keys(texts).length;
    // The first of them also compares itself with the structures of the middle band of charges.
    if (s === explaining[0])
      await callOk(stack, "choosePeers", `Groupe de pairs de ${id.structureCode}`, {
        token: await stack.token(id.directorEmail as string),
        body: {
          structureCode: id.structureCode as string,
          year: id.year as number,
          peers: { chargesBand: 1 },
        },
      });
    progress.advance();
  }
  for (const s of toAccept) {
    const id = s.ret.identification;
    await review(id.structureCode as string, id.year as number, {
      revision: s.revision,
      state: "accepted",
    });
    progress.advance();
  }
  return {
    asked: asked ? (asked.ret.identification.structureCode as string) : null,
    explanations,
    accepted: toAccept.length,
    pending: submitted.length - toAccept.length,
  };
}
