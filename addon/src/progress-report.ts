// Tells the Union's functions that a structure's workbook is prepared, for the Union's status board: a best effort
// that never fails nor holds up the preparation itself.
import type { PimmsReturn } from "@barometre/shared";
import { postFunction } from "./functions-client.ts";
import { functionsBase } from "./functions-config.ts";
import { identityToken } from "./identity.ts";

export function reportPrepared(ret: PimmsReturn): void {
  const { structureCode, year } = ret.identification;
  if (!structureCode || typeof year !== "number" || functionsBase() === null) return;
  try {
    const t = postFunction("reportProgress", identityToken(), {
      structureCode,
      year,
      step: "prepared",
    });
    if ("failure" in t || t.status !== 200)
      console.warn(`reportProgress: ${"failure" in t ? t.failure : t.status}`);
  } catch (error) {
    // No identity token: the board misses this step, the user's preparation does not.
    console.warn(`reportProgress: ${error instanceof Error ? error.message : String(error)}`);
  }
}
