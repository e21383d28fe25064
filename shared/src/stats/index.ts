// The network statistics: quantiles, populations, benchmarks and year-on-year change.
export * from "./benchmark.ts";
export * from "./change.ts";
export * from "./population.ts";
export * from "./quantile.ts";
export * from "./shown.ts";
export * from "./summary.ts";
