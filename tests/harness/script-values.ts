// google.script.run's rule for what crosses between sidebar and server: primitives, plain objects and arrays only.

/** Throws, as google.script.run fails, when a value holds a Date, a function or another non-plain object. */
export function assertLegal(value: unknown, path = "value"): void {
  if (value === null || value === undefined) return;
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return;
  if (type !== "object") throw new Error(`Illegal ${type} at ${path} for google.script.run.`);
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      assertLegal(item, `${path}[${i}]`);
    });
    return;
  }
  const proto = Object.getPrototypeOf(value);
  const plain = proto === null || Object.getPrototypeOf(proto) === null;
  if (!plain || Object.prototype.toString.call(value) !== "[object Object]") {
    throw new Error(
      `Illegal ${Object.prototype.toString.call(value)} at ${path} for google.script.run.`,
    );
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    assertLegal(v, `${path}.${k}`);
}

/** What the other side receives: a deep copy, as the transport serialises it. */
export function transported<T>(value: T): T {
  assertLegal(value);
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
