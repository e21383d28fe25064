export * from "./bands.ts";
export * from "./compute.ts";
export * from "./definitions.ts";
export * from "./display.ts";
export * from "./formula.ts";
