// The positioning report, renderer-agnostic: structure reports, the Union's network summary and their reading order.
export { BOARD_HEAD } from "./board-summary.ts";
export { buildReport } from "./build.ts";
export { WHISKER_ENDS } from "./distribution.ts";
export * from "./layout.ts";
export * from "./network-summary.ts";
export { TRAJECTORY_GAP_REASON } from "./trajectory.ts";
export * from "./types.ts";
