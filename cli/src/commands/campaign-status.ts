// barometre campaign status: the campaign's status board as a French table, its JSON for scripts, or its CSV.
import type { StatusBoard } from "@barometre/functions/admin";
import { daysBetween, deadlineSentence } from "@barometre/shared";
import { UserError } from "../errors.ts";
import { withFirestore } from "../firestore.ts";
import { renderTable } from "../table.ts";
import { noCampaign } from "../unknown.ts";
import { auditedExport } from "./export-output.ts";

export interface StatusOptions {
  project?: string;
  json?: boolean;
  csv?: boolean;
  output?: string;
}

/** « Campagne 2018 : ouverte. Date limite : 30/06/2019, dans 12 jours. » */
function campaignLine(board: StatusBoard, today: string): string {
  const state = `Campagne ${board.year} : ${board.state === "open" ? "ouverte" : "close"}`;
  return board.deadline
    ? `${state}. ${deadlineSentence(board.deadline, daysBetween(today, board.deadline))}.`
    : `${state}, sans date limite.`;
}

export async function printStatus(year: number, options: StatusOptions): Promise<void> {
  if (options.json && options.csv) throw new UserError("Choisissez --json ou --csv, pas les deux.");
  const { readStatusBoard, countsSentence, ratesSentence, statusCsv, statusTable, parisDay } =
    await import("@barometre/functions/admin");
  const format = options.csv ? "csv" : options.json ? "json" : "table";
  await withFirestore(options.project, (db) =>
    auditedExport(
      db,
      { action: "campaign.status", year, detail: format },
      async () => {
        const board = await readStatusBoard(db, year);
        if (!board) throw noCampaign(year);
        if (options.csv) return statusCsv(board);
        if (options.json) return `${JSON.stringify(board, null, 2)}\n`;
        const table = statusTable(board.status, true);
        return [
          campaignLine(board, parisDay(new Date())),
          countsSentence(board),
          ratesSentence(board.rates),
          "",
          renderTable(
            table.head,
            table.rows.map((cells) => cells.map((c) => (c === null ? "" : String(c)))),
          ),
          "",
        ].join("\n");
      },
      options.output,
    ),
  );
}
