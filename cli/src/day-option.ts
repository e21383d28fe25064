// A day given to an option (--deadline, --since, --next-step): jj/mm/aaaa, as every date shown in French.
import { parseDate } from "@barometre/shared";
import { UserError } from "./errors.ts";

/**
 * The ISO day of `raw`, or a French refusal naming the option as typed. `alsoIso` keeps AAAA-MM-JJ for the option
 * documented with it before (--next-step).
 */
export function dayOption(option: string, raw: string, alsoIso = false): string {
  const text = raw.trim();
  const shape = alsoIso
    ? /^(\d{1,2}\/\d{1,2}\/\d{4}|\d{4}-\d{2}-\d{2})$/
    : /^\d{1,2}\/\d{1,2}\/\d{4}$/;
  const day = shape.test(text) ? parseDate(text) : null;
  if (!day?.ok || !day.value)
    throw new UserError(`${option} attend une date jj/mm/aaaa, pas « ${raw} ».`);
  return day.value;
}
