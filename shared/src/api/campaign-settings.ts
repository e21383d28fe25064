// What the Union may set on a campaign (manageCampaign's open and configure), as zod checks it.
import { z } from "zod";
import { INDICATOR_KEYS, indicator } from "../indicators/index.ts";
import { bandsProblem, SIZE_DIMENSIONS } from "../positioning/index.ts";
import { ISO_DAY } from "./request-fields.ts";

export const CAMPAIGN_MODES = ["anonymous", "transparent"] as const;
export type CampaignMode = (typeof CAMPAIGN_MODES)[number];

/** At most ten reminder days, from three months before the deadline to a month after, each once, kept in order. */
export const REMINDER_OFFSETS = z
  .array(
    z
      .int()
      .min(-90, "une relance se place au plus tôt à J-90.")
      .max(30, "une relance se place au plus tard à J+30."),
  )
  .max(10, "dix jours de relance au plus.")
  .refine(
    (days) => new Set(days).size === days.length,
    "chaque jour de relance ne doit figurer qu'une fois.",
  )
  .transform((days) => [...days].sort((a, b) => a - b));

const THRESHOLD = z.strictObject({ op: z.enum([">=", ">"]), value: z.number() });

const BANDS = z
  .partialRecord(
    z.enum(INDICATOR_KEYS),
    z.discriminatedUnion("kind", [
      z
        .strictObject({ kind: z.literal("numeric"), green: THRESHOLD, orange: THRESHOLD })
        .refine(
          (b) => b.green.value >= b.orange.value,
          "le seuil vert doit être au moins égal au seuil orange.",
        ),
      z.strictObject({ kind: z.literal("boolean") }),
    ]),
  )
  .superRefine((bands, ctx) => {
    for (const [key, band] of Object.entries(bands)) {
      const def = indicator(key as (typeof INDICATOR_KEYS)[number]);
      if ((def.unit === "bool") !== (band?.kind === "boolean"))
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: `« ${def.name} » attend des bandes ${def.unit === "bool" ? "Oui/Non" : "numériques"}.`,
        });
    }
  });

const SIZE_BAND = z.strictObject({ min: z.number(), max: z.number().nullable() });

/** Bands per dimension, each set contiguous from 0 to an open last band (bandsProblem says why not). */
const SIZE_BANDS = z
  .strictObject({ charges: z.array(SIZE_BAND).optional(), fte: z.array(SIZE_BAND).optional() })
  .superRefine((bands, ctx) => {
    for (const d of SIZE_DIMENSIONS) {
      const list = bands[d];
      const problem = list && bandsProblem(d, list);
      if (problem) ctx.addIssue({ code: "custom", path: [d], message: problem });
    }
  });

/** What the Union may set on a campaign; every part is optional and left unchanged when absent. */
export const CAMPAIGN_SETTINGS = z.strictObject({
  deadline: ISO_DAY.nullable().optional(),
  bands: BANDS.optional(),
  minGroupSize: z.int().min(1).max(1000).optional(),
  mode: z.enum(CAMPAIGN_MODES).optional(),
  reminderOffsets: REMINDER_OFFSETS.optional(),
  sizeBands: SIZE_BANDS.optional(),
});
/** The settings as checked (reminder days sorted). */
export type CampaignSettings = z.infer<typeof CAMPAIGN_SETTINGS>;
