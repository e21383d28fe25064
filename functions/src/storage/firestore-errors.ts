// Recognises the Firestore failures the storage reacts to, by their gRPC status code.

/** gRPC status codes (google.rpc.Code) that Firestore errors carry as `code`. */
const ALREADY_EXISTS = 6;
const NOT_FOUND = 5;
const DEADLINE_EXCEEDED = 4;
const UNAVAILABLE = 14;

const codeOf = (error: unknown): unknown =>
  typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;

/** A create() lost its race: the document id is taken. */
export const isAlreadyExists = (error: unknown): boolean => codeOf(error) === ALREADY_EXISTS;

/** An update() on a document that does not exist. */
export const isNotFound = (error: unknown): boolean => codeOf(error) === NOT_FOUND;

/** Firestore could not be reached or did not answer in time: the caller may retry. */
export const isUnavailable = (error: unknown): boolean =>
  codeOf(error) === UNAVAILABLE || codeOf(error) === DEADLINE_EXCEEDED;
