// L3 (SVG control characters, money() whitespace) and M7 (CSV injection in the CLI).
import { describe, expect, it } from "vitest";
import { frontierSvg, money } from "../../src/index.js";
import { csvCell } from "../../cli/io.js";
import { issues } from "../typed-errors.js";

describe("L3: text rules", () => {
  it("L3: strategy names with control characters give well-formed SVG (no C0 controls in the output)", () => {
    const svg = frontierSvg({ title: "T\u0007", strategies: [{ name: "A\u0001\u001b", cost: 100, effect: 1, status: "ND" }, { name: "B\uD800", cost: 200, effect: 2, status: "ND" }] });
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(svg)).toBe(false);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(svg)).toBe(false);
    expect(svg).toContain("A\uFFFD\uFFFD");
  });

  it("L3: money() follows the amount schema's rule: surrounding spaces are refused", () => {
    expect(issues(() => money(" 12.00 "))[0]!.path).toEqual(["amount"]);
  });
});

describe("M7: CSV injection", () => {
  it("M7: cells starting with =, +, -, @, tab or CR are neutralised with a leading quote; plain numerals stay numbers", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+1+2")).toBe("'+1+2");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("-582000.00")).toBe("-582000.00");
    expect(csvCell("12.5%")).toBe("12.5%");
    expect(csvCell("dominated")).toBe("dominated");
  });
});
