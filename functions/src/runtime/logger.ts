// Where the functions report a failure: firebase-functions' logger when deployed, whatever the local stack or a test gives.

export interface Logger {
  error(message: string, details: Record<string, unknown>): void;
}
