// The validated Gouvernance tab: the three statutory meetings × date and presence of each officer.
import { FIELDS, MEETINGS, OFFICERS, type PimmsReturn } from "../schema/index.ts";
import { inputCell } from "./input-cell.ts";
import { GOVERNANCE_COLS, inputPosition } from "./layout.ts";
import { STYLES } from "./styles.ts";
import { addRow, finishTab, startTab } from "./tab-frame.ts";
import type { CellPlan, TabPlan } from "./types.ts";

const INTRO =
  "Indiquez la date de chaque instance (laissez-la vide si elle ne s'est pas tenue) et, pour chaque membre du bureau, Oui s'il était présent, sinon Non.";

export const GOVERNANCE_HEADERS = [
  "Instance",
  "Date",
  ...OFFICERS.map((o) => o.label),
  "Aide",
] as const;

export function governanceTab(name: string, ret: PimmsReturn | null): TabPlan {
  const draft = startTab("governance", GOVERNANCE_HEADERS, [INTRO]);
  for (const meeting of MEETINGS) {
    const cells: Record<number, CellPlan> = {
      [GOVERNANCE_COLS.meeting]: { value: meeting.label, style: STYLES.label },
      [GOVERNANCE_COLS.help]: {
        value: `Date ${meeting.of}, vide si l'instance ne s'est pas tenue ; présences : Oui ou Non.`,
        style: STYLES.help,
      },
    };
    for (const f of FIELDS.filter((x) => x.section === "governance" && x.path[0] === meeting.id)) {
      cells[inputPosition(f).col] = inputCell(f, ret);
    }
    addRow(draft, cells);
  }
  return finishTab(draft, name, {
    columnWidths: [260, 100, 100, 100, 100, 420],
  });
}
