// The deadline rush on the local stack, through real HTTP with real tokens: a tenth of the 2,800 structures here
// (the bench runs all 2,800), 16 requests in flight. No request or revision is lost, every answer agrees with what
// is stored, and the latencies go to test-artifacts/deadline-hour.json.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { hourFigures, runDeadlineHour } from "@barometre/testing/deadline-hour";
import { describe, expect, it } from "vitest";

const STRUCTURES = 280;
const CONCURRENCY = 16;

describe("the last hour before the deadline", () => {
  it(`loses nothing with ${STRUCTURES} structures submitting, ${CONCURRENCY} requests at a time`, async () => {
    const hour = await runDeadlineHour({ structures: STRUCTURES, concurrency: CONCURRENCY });
    expect(hour.problems).toEqual([]);
    const codes = new Set(hour.sent.map((r) => r.code));
    expect(codes.size).toBe(STRUCTURES);
    expect(hour.sent.length).toBeGreaterThan(STRUCTURES * 1.5);
    const artifacts = join(import.meta.dirname, "../../test-artifacts");
    await mkdir(artifacts, { recursive: true });
    await writeFile(
      join(artifacts, "deadline-hour.json"),
      `${JSON.stringify(hourFigures(hour), null, 2)}\n`,
    );
  }, 600_000);
});
