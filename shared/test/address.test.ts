// The one address rule: ASCII lower-case only, anything non-ASCII refused, never a "/" nor a Unicode case fold.
import { describe, expect, it } from "vitest";
import { canonicalAddress } from "../src/index.ts";

describe("canonicalAddress", () => {
  it.each([
    ["Direction@PIMMS-Rennes.example", "direction@pimms-rennes.example"],
    ["  jean.o'neil+barometre@pimms.fr\t", "jean.o'neil+barometre@pimms.fr"],
    ["a_b-c@x.y.fr", "a_b-c@x.y.fr"],
  ])("gives %j the canonical form %j", (raw, canonical) => {
    expect(canonicalAddress(raw)).toBe(canonical);
  });

  it.each([
    ["the Kelvin sign, which toLowerCase() folds to k", "\u212Aelvin@pimms.example"],
    ["a dotted capital I, which toLowerCase() turns into i and a dot", "\u0130nes@pimms.example"],
    ["a sharp s", "stra\u00dfe@pimms.example"],
    ["an accented letter", "jos\u00e9@pimms.example"],
    ["a full-width letter", "\uff41@pimms.example"],
    ["a slash, which would make a document path", "evil/x@pimms.example"],
    ["a percent sign", "a%2Fb@pimms.example"],
    ["no @", "pimms.example"],
    ["two @", "a@b@pimms.example"],
    ["a leading dot", ".a@pimms.example"],
    ["a doubled dot", "a..b@pimms.example"],
    ["a space inside", "a b@pimms.example"],
    ["a one-letter top-level domain", "a@pimms.e"],
    ["an address over 254 characters", `${"a".repeat(250)}@pimms.example`],
  ])("refuses %s", (_, raw) => {
    expect(canonicalAddress(raw)).toBeNull();
  });
});
