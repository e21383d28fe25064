// The documentation files generated from the schema (and the register's retention table), with the text each must hold.

import { returnJsonSchema } from "./json-schema.ts";
import { schemaMarkdown } from "./markdown.ts";
import { RGPD_PATH, rgpdMarkdown } from "./retention-table.ts";

export interface DocOutput {
  /** Path from the repository root. */
  path: string;
  render(): string;
}

export const DOC_OUTPUTS: readonly DocOutput[] = [
  { path: "docs/schema.md", render: schemaMarkdown },
  {
    path: "docs/return.schema.json",
    render: () => `${JSON.stringify(returnJsonSchema(), null, 2)}\n`,
  },
  { path: RGPD_PATH, render: rgpdMarkdown },
];
