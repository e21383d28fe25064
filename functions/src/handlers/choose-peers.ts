// POST choosePeers: a director chooses the custom peer set of their structure for a campaign, before its close.
import { type ChoosePeersAnswer, PEERS_REQUEST } from "@barometre/shared";
import { requireRegisteredStructure } from "../http/access.ts";
import { parseWith } from "../http/envelope.ts";
import { type Handler, requireMethod } from "../http/guard.ts";
import { readAuthenticatedJson } from "../http/incoming.ts";
import type { Deps } from "../runtime/deps.ts";
import { choosePeers } from "../storage/peers.ts";

export const choosePeersHandler =
  (deps: Deps): Handler =>
  async (req, res) => {
    requireMethod(req, "POST");
    const { db } = deps;
    const { who, body } = await readAuthenticatedJson(req, deps);
    const request = parseWith(PEERS_REQUEST, body);
    await requireRegisteredStructure(db, who, request.structureCode);
    const stored = await choosePeers(db, request, who.email, deps.clock());
    const answer: ChoosePeersAnswer = {
      structureCode: stored.structureCode,
      year: stored.year,
      peers: stored.choice,
      chosenAt: stored.chosenAt.toDate().toISOString(),
    };
    res.status(200).json(answer);
  };
