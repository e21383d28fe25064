// The HTTP API's contract, shared by the functions, the add-on, the CLI and the tests: requests (with the zod schemas
// the server checks them with), answers, function names and paths, and the hashes of a send's content.
export * from "./answers.ts";
export * from "./campaign-record.ts";
export * from "./campaign-settings.ts";
export * from "./content-hash.ts";
export * from "./endpoints.ts";
export * from "./request-fields.ts";
export * from "./request-schemas.ts";
export * from "./requests.ts";
export * from "./return-schema.ts";
