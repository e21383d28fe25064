// Firestore data as plain JSON: timestamps become ISO 8601 strings, bytes (mail attachments) base64, the rest as is.
import type { JsonOf } from "@barometre/shared";
import { Timestamp } from "firebase-admin/firestore";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A stored shape the API answers with is typed as it is sent (JsonOf); anything else is plain Json. */
export function toJson<T extends object | null>(value: T): JsonOf<T>;
export function toJson(value: unknown): Json;
export function toJson(value: unknown): Json {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((v) => toJson(v));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value as Json;
}
