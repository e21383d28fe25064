// The Union's functions as the local stack runs them, knowing the legacy fixtures' structures and the Union's admin,
// with the 2018 campaign open.
import { addAdmin, openCampaign, saveStructure } from "@barometre/functions/admin";
import { LEGACY_FIXTURES } from "@barometre/testing/legacy-fixtures";
import { ADMIN, startTestStack, type TestStack } from "@barometre/testing/stack";

export const CAMPAIGN_YEAR = 2018;

export async function startLocalFunctions(): Promise<TestStack> {
  const stack = await startTestStack();
  const now = new Date();
  for (const fx of LEGACY_FIXTURES) {
    const id = fx.ret.identification;
    await saveStructure(
      stack.db,
      {
        code: id.structureCode as string,
        name: id.structureName as string,
        territory: id.territory as "Urbain QPV",
        emails: [id.directorEmail as string],
      },
      now,
    );
  }
  await addAdmin(stack.db, ADMIN, "test", now);
  await openCampaign(stack.db, CAMPAIGN_YEAR, {}, ADMIN, now);
  return stack;
}
