import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { svgToPng, writePlot } from "../../cli/png.js";
import { markovTraceSvg } from "../../src/index.js";

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("plots as PNG", () => {
  const svg = markovTraceSvg({ states: ["Well", "Dead"], trace: [[1, 0], [0.5, 0.5], [0, 1]], width: 400, height: 300 });

  it("rasterises at 2 pixels per SVG unit", () => {
    const png = svgToPng(svg);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 800, height: 600 });
    expect(pngSize(svgToPng(svg, 1))).toEqual({ width: 400, height: 300 });
  });

  it("writes PNG for a .png name and the SVG text otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), "vbp-png-"));
    writePlot(join(dir, "trace.png"), svg);
    writePlot(join(dir, "trace.svg"), svg);
    expect(readFileSync(join(dir, "trace.png")).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(readFileSync(join(dir, "trace.svg"), "utf8")).toBe(svg);
    expect(() => writePlot(join(dir, "missing", "x.png"), svg)).toThrow(/cannot write: ENOENT/);
  });
});
