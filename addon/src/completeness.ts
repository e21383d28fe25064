// How many of the return's required fields are filled: the figure that gates a send.
import { FIELDS, formatPercent, getValue, type PimmsReturn } from "@barometre/shared";

const REQUIRED = FIELDS.filter((f) => f.required);

export function completeness(ret: PimmsReturn): {
  filled: number;
  required: number;
  shown: string;
} {
  const filled = REQUIRED.filter((f) => {
    const v = getValue(ret, f);
    return v !== null && !(typeof v === "string" && v.trim() === "");
  }).length;
  // Rounded down, so "100 %" only ever means complete.
  const percent = Math.floor((100 * filled) / REQUIRED.length) / 100;
  return { filled, required: REQUIRED.length, shown: formatPercent(percent, 0) };
}
