// Reminder days as the Union writes them: J-14 two weeks before the deadline, J the deadline itself, J+1 the day after.

export function offsetLabel(days: number): string {
  return days === 0 ? "J" : `J${days > 0 ? "+" : "-"}${Math.abs(days)}`;
}

/** "J-14", "j+1", "J − 7", "J" as a number of days; null when it is not such a label. */
export function parseOffsetLabel(text: string): number | null {
  const m = /^J(?:\s*([+\-−])\s*(\d{1,3}))?$/i.exec(text.trim());
  if (!m) return null;
  if (m[1] === undefined) return 0;
  const days = Number(m[2]);
  return m[1] === "+" ? days : -days;
}
