// HtmlService of the harness: the sidebar files of addon/dist, with the printing scriptlets the add-on uses.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { asGas } from "./as-gas.ts";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export class HarnessHtmlOutput
  implements Pick<GoogleAppsScript.HTML.HtmlOutput, "getContent" | "setTitle" | "getTitle">
{
  private title = "";

  constructor(readonly content: string) {}

  getContent(): string {
    return this.content;
  }

  setTitle(title: string): GoogleAppsScript.HTML.HtmlOutput {
    this.title = title;
    return asGas(this);
  }

  getTitle(): string {
    return this.title;
  }
}

/**
 * Evaluates `<?= name ?>` (HTML-escaped) and `<?!= name ?>` (raw) for names set on the template;
 * any other scriptlet fails loudly, so the harness never silently renders what Apps Script would not.
 */
function evaluate(source: string, scope: Record<string, unknown>): string {
  return source.replace(
    /<\?(!?=)?\s*([\s\S]*?)\s*\?>/g,
    (_all, kind: string | undefined, code: string) => {
      if (!kind || !/^[A-Za-z_$][\w$]*$/.test(code) || !(code in scope)) {
        throw new Error(`Scriptlet not supported by the harness: <?${kind ?? ""} ${code} ?>`);
      }
      const text = String(scope[code] ?? "");
      return kind === "!=" ? text : escapeHtml(text);
    },
  );
}

export function htmlService(distDir: string): GoogleAppsScript.HTML.HtmlService {
  const read = (filename: string) => readFileSync(join(distDir, `${filename}.html`), "utf8");
  const service: Pick<
    GoogleAppsScript.HTML.HtmlService,
    "createTemplateFromFile" | "createHtmlOutputFromFile"
  > = {
    createTemplateFromFile(filename: string) {
      const source = read(filename);
      const template: Record<string, unknown> = {
        evaluate: () => {
          const scope = Object.fromEntries(
            Object.entries(template).filter(([k]) => k !== "evaluate"),
          );
          return asGas(new HarnessHtmlOutput(evaluate(source, scope)));
        },
      };
      return asGas(template);
    },
    createHtmlOutputFromFile(filename: string) {
      return asGas(new HarnessHtmlOutput(read(filename)));
    },
  };
  return asGas(service);
}
