// Where `npm start -- --serve` listens unless told otherwise, which `barometre dev-token` asks by default.

/** The Firebase emulator suite's functions port: where local tools expect functions. */
export const DEFAULT_SERVE_PORT = 5001;

/** The base URL of a local stack: each function at {base}/{name}. */
export const localBase = (port: number): string => `http://127.0.0.1:${port}`;
