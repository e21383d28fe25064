// npm start's progress on standard error: a bar redrawn in place on a terminal, plain step lines anywhere else.

import { Progress } from "@barometre/cli/demo";
import { describe, expect, it } from "vitest";

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (text: string) => writes.push(text) };
}

describe("progress", () => {
  it("writes one line per step, and nothing for items, when nobody watches a terminal", () => {
    const s = stream(false);
    const p = new Progress(s, 2);
    p.step("Import des classeurs", 3);
    p.advance();
    p.advance();
    p.step("Export");
    p.finish();
    expect(s.writes).toEqual(["[1/2] Import des classeurs (3)…\n", "[2/2] Export…\n"]);
  });

  it("redraws a bar in place on a terminal, the whole job's share with the step's items, then clears it", () => {
    const s = stream(true);
    const p = new Progress(s, 2);
    p.step("Import des classeurs", 4);
    p.set(4);
    p.finish();
    expect(s.writes[0]).toBe(
      `\r\x1b[2K${"░".repeat(24)}   0 % · étape 1/2 : Import des classeurs 0/4`,
    );
    expect(s.writes[1]).toBe(
      `\r\x1b[2K${"█".repeat(12)}${"░".repeat(12)}  50 % · étape 1/2 : Import des classeurs 4/4`,
    );
    expect(s.writes.at(-1)).toBe("\r\x1b[2K");
    expect(s.writes.join("")).not.toContain("\n");
  });
});
