// The generated network the in-process measures share: its members (current exercice and N-1) with their indicators.
import { generateNetwork, type Member, memberOf } from "@barometre/shared";

export interface DemoPopulation {
  members: Member[];
  /** Each structure's N-1 member, aligned with `members`; null for a structure that joined this year. */
  previous: (Member | null)[];
}

const cache = new Map<number, DemoPopulation>();

/** Generated once per size: several measures work on the same 2,800 structures. */
export function demoPopulation(size: number): DemoPopulation {
  let population = cache.get(size);
  if (!population) {
    const { structures } = generateNetwork({ size });
    population = {
      members: structures.map((s) => memberOf(s.current)),
      previous: structures.map((s) => (s.previous ? memberOf(s.previous) : null)),
    };
    cache.set(size, population);
  }
  return population;
}
