// Where the local stack serves its development-only endpoints, beside the functions: a module of its own, so
// `barometre dev-token` knows them without loading the stack.

/** The local certificates, which the functions trust instead of Google's. */
export const CERTS_PATH = "/dev/certs";

/** ID tokens for an address (GET ?email=…), for `barometre dev-token`; production has no such thing. */
export const TOKEN_PATH = "/dev/token";
