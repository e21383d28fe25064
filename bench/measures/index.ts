// Every measurement of `npm run bench`, in the order the table shows them.
import type { Measure } from "../measure.ts";
import { addonCalls } from "./addon-calls.ts";
import { benchmarkCompute } from "./benchmark-compute.ts";
import { benchmarkFormulas } from "./benchmark-formulas.ts";
import { campaignClose } from "./campaign-close.ts";
import { coldStart } from "./cold-start.ts";
import { importRate } from "./import-rate.ts";
import { submitLatency } from "./submit-latency.ts";

export const MEASURES: readonly Measure[] = [
  addonCalls,
  coldStart,
  benchmarkCompute,
  benchmarkFormulas,
  campaignClose,
  submitLatency,
  importRate,
];
