// The Apps Script harness, for the bench's count of add-on calls.
export { Book } from "./book.ts";
export type { CallKind } from "./call-log.ts";
export type { GasRuntime } from "./gas-runtime.ts";
