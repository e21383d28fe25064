// A generated network stored on the local stack as a deployment would hold it: the directory, campaign N-1 closed
// and N open (created after the directory, so their population snapshots are sized for it), every latest revision.
import { closeCampaign, openCampaign } from "@barometre/functions/admin";
import { type DemoNetwork, type DemoStructure, generateNetwork } from "@barometre/shared";
import { registerStructures, seedLatest, storedRevision } from "@barometre/testing/network";
import { ADMIN, type TestStack } from "@barometre/testing/stack";

/** One structure an hour from mid-January of the following year, as returns arrive over a campaign. */
export const arrival = (exercice: number, i: number): Date =>
  new Date(Date.UTC(exercice + 1, 0, 15) + i * 3_600_000);

/** Registers, opens and stores a network of `size` structures (exercice `year` by default); returns it. */
export async function storeNetwork(
  stack: TestStack,
  options: { size: number; seed: number; year?: number },
): Promise<DemoNetwork> {
  const network = generateNetwork(options);
  const { year, structures } = network;
  await registerStructures(stack.db, structures);
  await openCampaign(stack.db, year - 1, {}, ADMIN, arrival(year - 1, 0));
  await closeCampaign(stack.db, year - 1, ADMIN, arrival(year, 0));
  await openCampaign(stack.db, year, {}, ADMIN, arrival(year, 0));
  await seedLatest(stack.db, [
    ...structures.map((s, i) => storedRevision(s.current, { at: arrival(year, i) })),
    ...structures.flatMap((s: DemoStructure, i) =>
      s.previous ? [storedRevision(s.previous, { at: arrival(year - 1, i) })] : [],
    ),
  ]);
  return network;
}
