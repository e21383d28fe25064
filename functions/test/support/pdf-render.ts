// A PDF's pages as poppler draws them (pdftoppm, grey levels), to check that two ways of writing a page look the same.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Raster {
  width: number;
  height: number;
  /** One grey level (0–255) a pixel, row by row. */
  grey: Buffer;
}

/** Each page of `pdf` at `dpi`. */
export function renderPages(pdf: Buffer, dpi = 100): Raster[] {
  const dir = mkdtempSync(join(tmpdir(), "barometre-render-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, pdf);
    execFileSync("pdftoppm", ["-r", String(dpi), "-gray", file, join(dir, "page")]);
    return readdirSync(dir)
      .filter((f) => f.endsWith(".pgm"))
      .sort()
      .map((f) => {
        // Binary PGM: "P5\n<width> <height>\n255\n" then the pixels.
        const data = readFileSync(join(dir, f));
        const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(
          data.subarray(0, 40).toString("latin1"),
        ) as RegExpExecArray;
        return {
          width: Number(header[1]),
          height: Number(header[2]),
          grey: data.subarray(header[0].length),
        };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How two renderings of the same size differ: the pixels that differ, and the largest difference of a pixel. */
export function difference(a: Raster, b: Raster): { pixels: number; largest: number } {
  if (a.width !== b.width || a.height !== b.height) throw new Error("pages of different sizes");
  let pixels = 0;
  let largest = 0;
  for (let i = 0; i < a.grey.length; i++) {
    const d = Math.abs((a.grey[i] as number) - (b.grey[i] as number));
    if (d > 0) pixels++;
    largest = Math.max(largest, d);
  }
  return { pixels, largest };
}
