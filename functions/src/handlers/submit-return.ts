// POST submitReturn: a director sends a return; the answer carries its revision number, indicators and warnings.

import { type Handler, requireMethod } from "../http/guard.ts";
import { readAuthenticatedJson } from "../http/incoming.ts";
import { submitReturn } from "../returns/submission.ts";
import type { Deps } from "../runtime/deps.ts";

export const submitReturnHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "POST");
    const { who, body } = await readAuthenticatedJson(req, deps);
    res.status(200).json(await submitReturn(deps, who, body));
  };
