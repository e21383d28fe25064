// The project's own font (DejaVu Sans, vendored in functions/assets/fonts): read and parsed once per process.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { create, type Font } from "fontkit";

const FILES = { regular: "DejaVuSans.ttf", bold: "DejaVuSans-Bold.ttf" } as const;
export type Weight = keyof typeof FILES;

/** Cloud Functions have no system fonts: look for assets/fonts upwards, from src/report as from a bundled lib/. */
function fontsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "assets", "fonts");
    if (existsSync(join(candidate, FILES.regular))) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `${FILES.regular} not found in any assets/fonts above ${dirname(fileURLToPath(import.meta.url))}`,
      );
    dir = parent;
  }
}

/**
 * fontkit keeps each glyph with the code points of its first request, and pdfkit's subsetting asks
 * for accent components ("e" inside "è") with none: once the font is shared between PDFs, later text
 * would lose its Unicode mapping (copy, search, screen readers). Asking for every mapped glyph by its
 * code point first settles them.
 */
function withCodePoints(font: Font): Font {
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
  return font;
}

let files: Record<Weight, Buffer> | null = null;
let loaded: Record<Weight, Font> | null = null;

/** The font files' bytes, read once per process. */
export function fontFiles(): Record<Weight, Buffer> {
  if (files) return files;
  const dir = fontsDir();
  files = {
    regular: readFileSync(join(dir, FILES.regular)),
    bold: readFileSync(join(dir, FILES.bold)),
  };
  return files;
}

/** The parsed fonts, shared by the chart outlines and every PDF (pdfkit subsets them per document). */
export function fonts(): Record<Weight, Font> {
  if (loaded) return loaded;
  const { regular, bold } = fontFiles();
  loaded = {
    regular: withCodePoints(create(regular) as Font),
    bold: withCodePoints(create(bold) as Font),
  };
  return loaded;
}
