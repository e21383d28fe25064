// Patching the community emulator's gRPC handlers where it ignores what Firestore enforces (update-time
// preconditions, transaction isolation): one way to find a handler, wrap it and refuse a call.

export type Callback = (
  error: { code: number; details: string; message: string } | null,
  value?: unknown,
) => void;

export type HandlerFunc<Call> = (call: Call, callback: Callback) => unknown;

/** The bound emulator's gRPC server, as far as these patches read it. */
export interface GrpcServer {
  handlers: Map<string, { func: unknown }>;
}

/** Replaces the handler of Firestore's `method` by `around(the handler)`. */
export function wrapHandler<Call>(
  server: GrpcServer,
  method: string,
  around: (inner: HandlerFunc<Call>) => HandlerFunc<Call>,
): void {
  const handler = server.handlers.get(`/google.firestore.v1.Firestore/${method}`);
  if (!handler) throw new Error(`L'émulateur Firestore ne sert pas ${method}.`);
  handler.func = around(handler.func as HandlerFunc<Call>);
}

/** Answers the call with the gRPC error Firestore would give. */
export const refuse = (callback: Callback, code: number, details: string): unknown =>
  callback({ code, details, message: details });
