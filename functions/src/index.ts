// The deployed functions, and nothing else: each loads the handlers on its first request so cold starts stay light.
import { onRequest } from "firebase-functions/v2/https";
import type { FunctionName, Handlers } from "./app.ts";
import { FUNCTION_OPTIONS } from "./config.ts";

let loading: Promise<Handlers> | undefined;

function handlers(): Promise<Handlers> {
  loading ??= import("./production.ts").then((m) => m.productionHandlers());
  // A failed start (a missing param, say) is retried by the next request rather than remembered.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const lazy = (name: FunctionName) =>
  onRequest(FUNCTION_OPTIONS, async (req, res) => {
    let all: Handlers;
    try {
      all = await handlers();
    } catch (error) {
      console.error(`${name}: start failed`, error instanceof Error ? error.message : error);
      res.status(500).json({
        error:
          "Le service n'a pas pu démarrer. Réessayez plus tard ; si cela persiste, prévenez l'Union.",
      });
      return;
    }
    await all[name](req, res);
  });

export const healthz = lazy("healthz");
export const submitReturn = lazy("submitReturn");
export const previousReturn = lazy("previousReturn");
export const campaignExport = lazy("campaignExport");
export const reviewReturn = lazy("reviewReturn");
export const manageCampaign = lazy("manageCampaign");
