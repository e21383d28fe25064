// The zod schemas the server checks each request body (or query) with; their input types are the requests a
// client sends (requests.ts).
import { z } from "zod";
import { REVIEW_STATES } from "../dialogue/index.ts";
import { MAX_NAMED_PEERS } from "../positioning/index.ts";
import { findField } from "../schema/index.ts";
import { CAMPAIGN_SETTINGS } from "./campaign-settings.ts";
import { STRUCTURE_CODE, YEAR } from "./request-fields.ts";

/** The query of the GET requests about one structure (previousReturn, campaignInfo), beside its `year`. */
export const STRUCTURE_QUERY = z.object({ structureCode: STRUCTURE_CODE });

const BAND = z.int().min(0).max(50);

const CRITERIA = z.strictObject({
  territory: z.string().max(100).optional(),
  chargesBand: BAND.optional(),
  fteBand: BAND.optional(),
});

const NAMED = z.strictObject({ codes: z.array(STRUCTURE_CODE).max(MAX_NAMED_PEERS + 1) });

/** choosePeers: `peers: null` drops the custom set (no set for this campaign nor, until chosen again, the next ones). */
export const PEERS_REQUEST = z.strictObject({
  structureCode: STRUCTURE_CODE,
  year: YEAR,
  peers: z.union([NAMED, CRITERIA]).nullable(),
});

/** The steps a structure reports before submitting; "prepared" is the add-on's « Préparer le classeur ». */
export const PROGRESS_STEPS = ["prepared"] as const;

/** reportProgress. */
export const PROGRESS_REQUEST = z.strictObject({
  structureCode: STRUCTURE_CODE,
  year: YEAR,
  step: z.enum(PROGRESS_STEPS),
});

const FIELD_PATH = z.string().refine((key) => findField(key) !== undefined, {
  error: (iss) =>
    `« ${String(iss.input).slice(0, 80)} » n'est pas un champ du retour (attendu : un chemin comme finance.chargesTotal).`,
});

/** reviewReturn, also what `barometre review` checks its arguments with. */
export const REVIEW_REQUEST = z
  .strictObject({
    structureCode: STRUCTURE_CODE,
    year: YEAR,
    revision: z.int().min(1),
    state: z.enum(REVIEW_STATES),
    comment: z.string().trim().max(2000).nullable().optional(),
    fields: z.array(FIELD_PATH).max(50).optional(),
  })
  .refine((r) => r.state === "accepted" || (r.comment ?? "") !== "", {
    path: ["comment"],
    error:
      "est obligatoire pour un retour à corriger, rejeté ou rouvert : dites à la structure ce qui ne va pas, ou pourquoi le retour est rouvert.",
  });

/** manageCampaign's POST: open (or reopen) with settings, change settings, or close. */
export const CAMPAIGN_REQUEST = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("open"), year: YEAR, ...CAMPAIGN_SETTINGS.shape }),
  z.strictObject({ action: z.literal("configure"), year: YEAR, ...CAMPAIGN_SETTINGS.shape }),
  z.strictObject({ action: z.literal("close"), year: YEAR }),
]);
