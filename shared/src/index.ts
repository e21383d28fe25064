// The pure domain of the Baromètre: no I/O, no Node module, no Google API, so Apps Script can bundle it.
export * from "./api/index.ts";
export * from "./demo/index.ts";
export * from "./deploy/functions-address.ts";
export * from "./dialogue/index.ts";
export * from "./grid/index.ts";
export * from "./import.ts";
export * from "./import-result.ts";
export * from "./indicators/index.ts";
export * from "./legacy/index.ts";
export * from "./plan/index.ts";
export * from "./positioning/index.ts";
export * from "./report/index.ts";
export * from "./retention/index.ts";
export * from "./schema/index.ts";
export * from "./stats/index.ts";
export * from "./validation/index.ts";
export * from "./values/index.ts";
