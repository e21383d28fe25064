// Every document the in-process emulator holds, read from its own state: Firestore's API cannot list collections,
// the emulator's memory can, so nothing stored escapes a test that scans it.
import type { FirestoreEmulator } from "@barometre/stack";

interface CollectionJson {
  documents: Record<string, DocumentJson>;
}
interface DocumentJson {
  fields: Record<string, unknown>;
  collections: Record<string, CollectionJson>;
}
interface StateJson {
  projects: Record<
    string,
    { databases: Record<string, { collections: Record<string, CollectionJson> }> }
  >;
}

/** Every document's path, below the project's database, with its fields in the emulator's typed form. */
function walkDocuments(emulator: FirestoreEmulator): Map<string, Record<string, unknown>> {
  const state = emulator.server.state.toJSON() as StateJson;
  const database = state.projects[emulator.projectId]?.databases["(default)"];
  const out = new Map<string, Record<string, unknown>>();
  const walk = (collections: Record<string, CollectionJson>, prefix: string) => {
    for (const [name, collection] of Object.entries(collections))
      for (const [id, doc] of Object.entries(collection.documents)) {
        const path = `${prefix}${name}/${id}`;
        out.set(path, doc.fields);
        walk(doc.collections, `${path}/`);
      }
  };
  walk(database?.collections ?? {}, "");
  return out;
}

/**
 * Path → fields (as JSON text) of every document; a path that only holds subcollections appears with no fields.
 * Reads leave no trace here: empty collections are left out.
 */
export function storedDocuments(emulator: FirestoreEmulator): Map<string, string> {
  return new Map(
    [...walkDocuments(emulator)].map(([path, fields]) => [path, JSON.stringify(fields)]),
  );
}

interface TypedValue {
  type: string;
  value: unknown;
}

/** A typed value as plain data: timestamps as ISO text, bytes as a Buffer, maps and arrays unfolded. */
function plain({ type, value }: TypedValue): unknown {
  switch (type) {
    case "map_value":
      return plainFields(value as Record<string, TypedValue>);
    case "array_value":
      return (value as TypedValue[]).map(plain);
    case "timestamp_value": {
      const { seconds, nanos } = value as { seconds: number; nanos: number };
      return new Date(seconds * 1000 + nanos / 1e6).toISOString();
    }
    case "bytes_value":
      return Buffer.from(Object.values(value as Record<string, number>));
    default:
      return value;
  }
}

const plainFields = (fields: Record<string, TypedValue>) =>
  Object.fromEntries(Object.entries(fields).map(([key, v]) => [key, plain(v)]));

/** Path → data of every document holding fields, as plain values: one pass over the emulator's memory. */
export function storedData(emulator: FirestoreEmulator): Map<string, Record<string, unknown>> {
  return new Map(
    [...walkDocuments(emulator)]
      .filter(([, fields]) => Object.keys(fields).length > 0)
      .map(([path, fields]) => [path, plainFields(fields as Record<string, TypedValue>)]),
  );
}

/** The paths that differ between two scans: added, removed or changed. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}
