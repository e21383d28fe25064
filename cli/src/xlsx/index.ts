// Reading legacy workbooks and writing prepared ones as .xlsx files, for the tests and the bench.

export { readWorkbookFile } from "./read.ts";
export { importWorkbookFile } from "./read-folder.ts";
export { prepareWorkbook } from "./write-prepared.ts";
