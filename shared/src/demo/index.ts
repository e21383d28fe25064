// Generated demonstration data: a deterministic network of any size for tests, npm start and the benchmarks.
export * from "./campaign.ts";
export * from "./network.ts";
export * from "./peer-choices.ts";
export * from "./random.ts";
