// Plot files for the CLI: an SVG as it is, or rasterised to PNG by resvg (a Rust SVG
// renderer shipped as a prebuilt binary in its npm package), for slide decks and HTA
// dossiers that take images only. The library itself stays SVG-only and dependency-free.
import { writeFileSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { CliError } from "./io.js";

/** PNG pixels per SVG unit: 2 gives a sharp image on print and high-density screens. */
export const PNG_SCALE = 2;

/** Renders an SVG document to PNG bytes at `scale` pixels per SVG unit. */
export function svgToPng(svg: string, scale: number = PNG_SCALE): Buffer {
  const renderer = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    // The plots ask for Helvetica/Arial; fall back to whatever sans-serif the system has (DejaVu on Debian).
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return Buffer.from(renderer.render().asPng());
}

/** Writes a plot to `file`: PNG when the name ends in `.png`, the SVG text otherwise. */
export function writePlot(file: string, svg: string): void {
  const bytes = /\.png$/i.test(file) ? svgToPng(svg) : svg;
  try {
    writeFileSync(file, bytes);
  } catch (e) {
    throw new CliError(`${file}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
