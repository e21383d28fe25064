// The refusals for a campaign or a structure that does not exist: one wording for every command.
import { UserError } from "./errors.ts";

export function noCampaign(year: number): UserError {
  return new UserError(`La campagne ${year} n'existe pas.`);
}

export function notInDirectory(code: string): string {
  return `La structure « ${code} » n'est pas inscrite dans l'annuaire de l'Union`;
}
