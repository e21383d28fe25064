// bench/results.json: every figure with the run and machine it was measured on, a partial run replacing only its own.
import type { Figure } from "./figure.ts";
import { FIGURE_KEYS, type FigureKey } from "./goals.ts";
import type { Machine } from "./support/machine.ts";

/** A figure as results.json keeps it: when and where it was measured, since figures may come from different runs. */
export interface RecordedFigure extends Figure {
  /** ISO 8601 instant the run started (for a file written before, when it ended). */
  measuredAt: string;
  machine: Machine;
}

export interface Results {
  /** ISO 8601 instant of the last run that wrote the file. */
  generatedAt: string;
  figures: Partial<Record<FigureKey, RecordedFigure>>;
}

/** One run's figures, each stamped with the run's start and machine. */
export function runResults(figures: readonly Figure[], at: Date, machine: Machine): Results {
  const measuredAt = at.toISOString();
  return {
    generatedAt: measuredAt,
    figures: Object.fromEntries(figures.map((f) => [f.key, { ...f, measuredAt, machine }])),
  };
}

/** The figures of `run` over those of `previous`: a run of a few keys (--only) keeps every other figure. */
export function mergeResults(previous: Results | null, run: Results): Results {
  const figures = { ...previous?.figures, ...run.figures };
  const ordered = FIGURE_KEYS.flatMap((key) => (figures[key] ? [[key, figures[key]]] : []));
  return { generatedAt: run.generatedAt, figures: Object.fromEntries(ordered) };
}

/**
 * results.json read back; a file written before figures carried their own run (one `generatedAt` and `machine`
 * for all) gives each figure those. Keys the bench no longer measures are dropped.
 */
export function readResults(text: string): Results {
  const raw = JSON.parse(text) as {
    generatedAt: string;
    machine?: Machine;
    figures: Record<string, Figure & Partial<RecordedFigure>>;
  };
  const figures: Results["figures"] = {};
  for (const key of FIGURE_KEYS) {
    const f = raw.figures[key];
    if (!f) continue;
    const machine = f.machine ?? raw.machine;
    if (!machine) throw new Error(`bench/results.json : la mesure ${key} n'a pas de machine.`);
    figures[key] = { ...f, measuredAt: f.measuredAt ?? raw.generatedAt, machine };
  }
  return { generatedAt: raw.generatedAt, figures };
}
