// Typed reads: the converter that gives a stored document its type, so no reader casts what it reads.
import type {
  DocumentData,
  FirestoreDataConverter,
  QueryDocumentSnapshot,
} from "firebase-admin/firestore";

/**
 * The shape a kind of document is stored in. Only the functions and the Union's command line write these
 * documents (firestore.rules deny every client), always in that shape: read back as is, and written unchanged.
 */
export function asStored<T extends DocumentData>(): FirestoreDataConverter<T> {
  return {
    toFirestore: (data) => data as DocumentData,
    fromFirestore: (snap: QueryDocumentSnapshot) => snap.data() as T,
  };
}
