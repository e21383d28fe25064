// The one place where a harness object is handed out as its real Apps Script type.
// Each harness class `implements Pick<RealType, …>` of the methods the add-on uses, so names and
// signatures are checked by tsc; the objects they return are typed as the real classes here.
export function asGas<T>(harnessObject: object): T {
  return harnessObject as unknown as T;
}
