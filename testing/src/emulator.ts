// An in-process Firestore emulator for one test file: started before its tests, stopped after.

import {
  emulatorFirestore,
  type FirestoreEmulator,
  startFirestoreEmulator,
} from "@barometre/stack";
import type { Firestore } from "firebase-admin/firestore";
import { afterAll, beforeAll } from "vitest";

export function useEmulator(name: string): () => { emulator: FirestoreEmulator; db: Firestore } {
  let started: { emulator: FirestoreEmulator; db: Firestore } | null = null;
  beforeAll(async () => {
    const emulator = await startFirestoreEmulator(`demo-${name}-${process.pid}`);
    started = { emulator, db: emulatorFirestore(emulator) };
  });
  afterAll(() => started?.emulator.stop());
  return () => {
    if (!started) throw new Error("The emulator is not started yet");
    return started;
  };
}
