// barometre campaign close: the Union's close from the command line, with the report fan-out run in this process.
import type { MailSettings, ReportRenderer } from "@barometre/functions/admin";
import type { CloseOutcome } from "@barometre/shared";
import type { Firestore } from "firebase-admin/firestore";
import { UserError } from "../errors.ts";

/**
 * The From and the Union's addresses: MAIL_FROM and UNION_EMAILS as for the deployed functions; the local
 * stack's own when the command talks to the emulator.
 */
export async function cliMailSettings(env = process.env): Promise<MailSettings> {
  const union = (env.UNION_EMAILS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (env.MAIL_FROM && union.length) {
    const { privacyUrlOf } = await import("@barometre/functions/admin");
    try {
      return { from: env.MAIL_FROM, union, privacyUrl: privacyUrlOf(env.PRIVACY_URL ?? "") };
    } catch {
      throw new UserError(
        `PRIVACY_URL doit être l'adresse https de la page de confidentialité de l'Union (ou vide) : « ${env.PRIVACY_URL} ».`,
      );
    }
  }
  if (env.FIRESTORE_EMULATOR_HOST) return (await import("@barometre/stack")).LOCAL_MAIL;
  throw new UserError(
    "Indiquez l'expéditeur et les adresses de l'Union comme pour les fonctions : variables d'environnement MAIL_FROM et UNION_EMAILS (séparées par des virgules).",
  );
}

/** Counts the reports rendered, and says so every `every` of them on standard error. */
function counting(renderer: ReportRenderer, every = 50): ReportRenderer & { count(): number } {
  let done = 0;
  return {
    summary: renderer.summary,
    report: async (doc) => {
      const mail = await renderer.report(doc);
      if (++done % every === 0) process.stderr.write(`  ${done} rapports produits…\n`);
      return mail;
    },
    count: () => done,
  };
}

/**
 * Closes the campaign, computes its final benchmark (once), queues the Union's summary and every structure's
 * report in the outbox, which the deployed sender (or the local stack's) delivers. Run again after an
 * interruption, it produces only the missing reports.
 */
export async function closeWithReports(
  db: Firestore,
  year: number,
  by: string,
): Promise<CloseOutcome & { rendered: number }> {
  const [{ localWork }, { closeAndReport, lazyRenderer }] = await Promise.all([
    import("@barometre/stack"),
    import("@barometre/functions/admin"),
  ]);
  const renderer = counting(lazyRenderer);
  const failures: string[] = [];
  const work = localWork({
    db,
    mail: await cliMailSettings(),
    renderer,
    logger: {
      error: (message, details) => failures.push(`${message} : ${String(details.detail ?? "")}`),
    },
  });
  const outcome = await closeAndReport(work.deps, year, by);
  await work.queues.idle();
  if (failures.length)
    throw new UserError(
      `La clôture est enregistrée mais des rapports n'ont pas été produits (${failures.join(" ; ")}). Relancez la même commande : seuls les rapports manquants seront produits.`,
    );
  return { ...outcome, rendered: renderer.count() };
}
