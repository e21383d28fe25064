// The Union's calendar: every date shown to a person, and every deadline, is the day in Paris.

export const PARIS_TIME_ZONE = "Europe/Paris";

const PARIS_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS_TIME_ZONE });

/** "YYYY-MM-DD", the calendar day in Paris at an instant (23:30 UTC on 4 December is 5 December). */
export function parisDay(instant: Date): string {
  return PARIS_DAY.format(instant);
}
