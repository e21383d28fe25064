// Values as the product reads and shows them: addresses, codes, deadlines, numbers, dates, French text.
export * from "./address.ts";
export * from "./ascii-case.ts";
export * from "./deadline.ts";
export * from "./field.ts";
export * from "./format.ts";
export * from "./paris-day.ts";
export * from "./parse.ts";
