// Firestore data as plain JSON: timestamps become ISO 8601 strings, everything else is kept as is.
import { Timestamp } from "firebase-admin/firestore";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function toJson(value: unknown): Json {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value as Json;
}
