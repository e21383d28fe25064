// Every document the in-process emulator holds, read from its own state: Firestore's API cannot list collections,
// the emulator's memory can, so nothing stored escapes a test that scans it.
import type { FirestoreEmulator } from "../../../cli/src/stack/firestore-emulator.ts";

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

/**
 * Path → fields (in the emulator's typed form) of every document, below the project's database; a path that
 * only holds subcollections appears with no fields. Reads leave no trace here: empty collections are left out.
 */
export function storedDocuments(emulator: FirestoreEmulator): Map<string, string> {
  const state = emulator.server.state.toJSON() as StateJson;
  const database = state.projects[emulator.projectId]?.databases["(default)"];
  const out = new Map<string, string>();
  const walk = (collections: Record<string, CollectionJson>, prefix: string) => {
    for (const [name, collection] of Object.entries(collections))
      for (const [id, doc] of Object.entries(collection.documents)) {
        const path = `${prefix}${name}/${id}`;
        out.set(path, JSON.stringify(doc.fields));
        walk(doc.collections, `${path}/`);
      }
  };
  walk(database?.collections ?? {}, "");
  return out;
}

/** The paths that differ between two scans: added, removed or changed. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}
