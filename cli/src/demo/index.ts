// The demo network's workbooks, local stack and progress line, for the tests and the bench.

export type { LegacyStyle } from "./legacy-workbook.ts";
export { CANONICAL_COLUMNS, LAYOUTS, labelOf, legacyWorkbook } from "./legacy-workbook.ts";
export type { LocalStack } from "./local-stack.ts";
export { startLocalStack } from "./local-stack.ts";
export { Progress } from "./progress.ts";
export type { SheetSpec, SpecValue, WorkbookSpec } from "./workbook-spec.ts";
export { writeWorkbook } from "./workbook-spec.ts";
