// How long each kind of stored data is kept, and why.
export * from "./policy.ts";
