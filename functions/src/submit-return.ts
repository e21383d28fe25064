// POST submitReturn: a director sends a return; the answer carries its revision number, indicators and warnings.
import type { Deps } from "./deps.ts";
import { type Handler, requireMethod } from "./http.ts";
import { readAuthenticatedJson } from "./incoming.ts";
import { submitReturn } from "./submission.ts";

export const submitReturnHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "POST");
    const { who, body } = await readAuthenticatedJson(req, deps);
    res.status(200).json(await submitReturn(deps, who, body));
  };
