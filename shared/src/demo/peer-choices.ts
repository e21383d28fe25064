// Custom peer sets as a network's directors might choose them, for tests and benchmarks at scale: criteria and named structures.
import type { PeerChoice } from "../positioning/peer-set.ts";
import { TERRITORIES } from "../schema/sections.ts";

/** One structure in CRITERIA_EVERY chooses criteria, one in NAMED_EVERY names NAMED structures. */
export const DEMO_PEERS = { criteriaEvery: 10, namedEvery: 20, named: 12 } as const;

/** Territories and bands in turn, and named neighbours: many distinct sets, as directors would choose them. */
export function demoPeerChoices(codes: readonly string[]): Map<string, PeerChoice> {
  const { criteriaEvery, namedEvery, named } = DEMO_PEERS;
  const codeAt = (i: number) => codes[i % codes.length] as string;
  return new Map(
    codes.flatMap((code, i): [string, PeerChoice][] => {
      const k = Math.floor(i / criteriaEvery);
      if (i % criteriaEvery === 0)
        return [
          [
            code,
            k % 2
              ? { territory: TERRITORIES[k % 3] as string, chargesBand: k % 3 }
              : { fteBand: k % 3 },
          ],
        ];
      if (i % namedEvery === 5)
        return [[code, { codes: Array.from({ length: named }, (_, j) => codeAt(i + 1 + j * 7)) }]];
      return [];
    }),
  );
}
