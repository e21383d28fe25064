// The barometre command's entry, and the plain-text helpers the tests and the bench reuse.
export { parseCsv } from "./commands/structures-csv.ts";
export { main } from "./main.ts";
export { renderTable } from "./table.ts";
