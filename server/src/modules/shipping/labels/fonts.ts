// The labels' typeface: DejaVu Sans Condensed (regular and bold) from the `dejavu-fonts-ttf`
// npm package (Bitstream Vera licence with DejaVu's public-domain changes; see docs/labels.md).
// It carries every Romanian letter, including the comma-below ș ț (U+0219, U+021B) that many
// fonts lack, and the condensed cut fits long street names on a 100 mm label.
//
// The fonts are read and parsed (fontkit) once per process and shared by every document: parsing
// DejaVu's tables was most of a one-label PDF's time. Each PDF still embeds only the glyphs it
// uses (pdfkit makes a subset per document), so a one-label PDF stays small.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';

export interface LabelFonts {
  regular: fontkit.Font;
  bold: fontkit.Font;
}

let cached: LabelFonts | undefined;

export function labelFonts(): LabelFonts {
  if (!cached) {
    const require = createRequire(import.meta.url);
    const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    cached = {
      regular: parse(path.join(dir, 'DejaVuSansCondensed.ttf')),
      bold: parse(path.join(dir, 'DejaVuSansCondensed-Bold.ttf')),
    };
  }
  return cached;
}

function parse(file: string): fontkit.Font {
  const font = fontkit.create(readFileSync(file));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not one font`);
  return font;
}
