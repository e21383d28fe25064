// Statistics computed the plain way (sort, interpolate, add up), to check the benchmark against something else.
export function plainStats(values: readonly number[]) {
  const x = [...values].sort((a, b) => a - b);
  const at = (p: number) => {
    const h = (x.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, x.length - 1);
    return (x[lo] as number) + (h - lo) * ((x[hi] as number) - (x[lo] as number));
  };
  return {
    n: x.length,
    min: x[0] as number,
    q1: at(0.25),
    median: at(0.5),
    q3: at(0.75),
    max: x[x.length - 1] as number,
    mean: x.reduce((a, b) => a + b, 0) / x.length,
  };
}
