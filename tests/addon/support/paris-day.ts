// A day counted from today in Paris, where the Union's deadlines fall: as stored ("YYYY-MM-DD") and as shown (jj/mm/aaaa).
export function parisDayIn(days: number): { iso: string; shown: string } {
  const iso = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
  const [y, m, d] = iso.split("-");
  return { iso, shown: `${d}/${m}/${y}` };
}
