// The eight indicators: their definitions, their computation from a return, their bands and their display.
export * from "./bands.ts";
export * from "./compute.ts";
export * from "./definitions.ts";
export * from "./display.ts";
export * from "./formula.ts";
