// Spreadsheet dates as Sheets hands them to Apps Script: serial days shown as midnight in the spreadsheet's time zone.
const DAY_MS = 86_400_000;
/** Days between the spreadsheet epoch (1899-12-30) and 1970-01-01. */
const EPOCH_OFFSET = 25_569;

/** Milliseconds to add to UTC to get the wall clock of `timeZone` at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant whose wall clock in `timeZone` reads the serial's day and time. */
export function serialToInstant(serial: number, timeZone: string): number {
  const wall = Math.round((serial - EPOCH_OFFSET) * DAY_MS);
  const guess = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(guess, timeZone);
}

/** The serial day number of an instant, read on the wall clock of `timeZone`. */
export function instantToSerial(instant: number, timeZone: string): number {
  return (instant + offsetAt(instant, timeZone)) / DAY_MS + EPOCH_OFFSET;
}

/** Wall-clock fields of an instant in `timeZone`, for Utilities.formatDate. */
export function wallClock(instant: number, timeZone: string) {
  const d = new Date(instant + offsetAt(instant, timeZone));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** True for a number format that makes Sheets show (and Apps Script return) a date. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"|\\./g, "");
  return /[dy]/i.test(bare) && !/general/i.test(bare);
}
