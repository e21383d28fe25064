// The generated network the in-process measures work on: its members (current exercice and N-1) with their indicators.
import { generateNetwork, type Member, memberOf } from "@barometre/shared";

export interface DemoPopulation {
  members: Member[];
  /** Each structure's N-1 member, aligned with `members`; null for a structure that joined this year. */
  previous: (Member | null)[];
}

export function demoPopulation(size: number): DemoPopulation {
  const { structures } = generateNetwork({ size });
  return {
    members: structures.map((s) => memberOf(s.current)),
    previous: structures.map((s) => (s.previous ? memberOf(s.previous) : null)),
  };
}
