import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { bundleCli } from "./cli-entry.js";

const root = join(__dirname, "..", "..");
const data = (f: string) => join(root, "examples", "data", f);
const tmp = mkdtempSync(join(tmpdir(), "vbp-cli-"));
// Each case spawns the CLI as a user runs it, a fresh node process, from a bundle of the
// sources made once for this file (test/cli/cli-entry.ts): no tsx transform per run.
vi.setConfig({ testTimeout: 600_000 });
let entry = "";
beforeAll(async () => {
  entry = await bundleCli(root);
}, 120_000);

// Asynchronous, so a slow CLI run never blocks the test worker's event loop (a blocked
// worker misses vitest's RPC deadline and fails the whole run).
function cli(args: string[], input?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: root,
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
    child.stdin.end(input ?? "");
  });
}

function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe("CLI: help and usage", () => {
  it("lists every command and exits 0 on --help; no arguments is a usage error (2)", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    for (const c of ["icer", "psa", "model", "plane", "settle", "split", "bia"]) expect(help.out).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/Usage: precision-vbp/);
  });

  it("--version prints the package's version", async () => {
    const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
    for (const flag of ["--version", "-V"]) {
      const r = await cli([flag]);
      expect(r.code).toBe(0);
      expect(r.out.trim()).toBe(version);
    }
  });

  it("unknown commands and options exit 2 with a did-you-mean", async () => {
    const bad = await cli(["setle"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("unknown command 'setle'");
    expect(bad.err).toContain("Did you mean settle?");
    const opt = await cli(["icer", data("v3-strategies.csv"), "--lamda", "300000"]);
    expect(opt.code).toBe(2);
    expect(opt.err).toContain("unknown option '--lamda'");
    expect(opt.err).toContain("Did you mean --lambda?");
  });

  it("every command has --help; missing or extra arguments and bad option values are usage errors (2)", async () => {
    for (const c of ["icer", "psa", "model", "plane", "settle", "split", "bia"]) {
      const r = await cli([c, "--help"]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: precision-vbp ${c} `));
    }
    expect((await cli(["icer"])).code).toBe(2);
    expect((await cli(["bia", data("bi2-egfr.json"), "extra.json"])).code).toBe(2);
    const lambda = await cli(["icer", data("v3-strategies.csv"), "--lambda", "lots"]);
    expect(lambda.code).toBe(2);
    expect(lambda.err).toMatch(/--lambda.*expected a finite number, got "lots"/);
    expect((await cli(["icer", data("v3-strategies.csv"), "--json", "--csv"])).code).toBe(2);
    expect((await cli(["psa", "--currency", "CNY", data("v5-draws.csv"), "--lambdas", "0:abc:1"])).code).toBe(2);
  });
});

describe("CLI: icer", () => {
  it("prints V3's frontier as an aligned table with the optimal strategy at λ", async () => {
    const r = await cli(["icer", data("v3-strategies.csv"), "--lambda", "300000"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^E\s+500,000\.00\s+2\.5\s+ND\s+400,000\.00\s+1\.5\s+266,666\.67\s+vs B$/m);
    expect(r.out).toMatch(/^C\s+300,000\.00\s+1\.5\s+ED\s+extendedly dominated by B and E$/m);
    expect(r.out).toMatch(/^D\s+250,000\.00\s+0\.9\s+D\s+dominated by B$/m);
    expect(r.out).toContain("the optimal strategy is E");
  });

  it("gives JSON and CSV on request, and writes the frontier SVG", async () => {
    const svg = join(tmp, "frontier.svg");
    const json = JSON.parse((await cli(["icer", data("v3-strategies.csv"), "--json", "--svg", svg])).out);
    expect(json.strategies.map((s: { status: string }) => s.status)).toEqual(["ND", "ND", "D", "ED", "ND"]);
    expect(json.strategies[4].icer).toEqual({ amount: "266666.67", currency: "CNY" });
    expect(readFileSync(svg, "utf8")).toContain('data-name="E"');
    // Analysis-ready CSV: ASCII snake_case headers, plain numbers without quotes or separators.
    const csv = (await cli(["icer", data("v3-strategies.csv"), "--csv", "--lambda", "300000"])).out.trim().split("\n");
    expect(csv[0]).toBe("strategy,cost,effect,status,delta_cost,delta_effect,icer,reference,is_optimal,currency");
    expect(csv[5]).toBe("E,500000.00,2.5,ND,400000.00,1.5,266666.67,B,true,CNY");
    expect(csv[3]).toBe("D,250000.00,0.9,D,,,,B,false,CNY");
    const tsv = (await cli(["icer", data("v3-strategies.csv"), "--tsv"])).out.trim().split("\n");
    expect(tsv[5]).toBe(["E", "500000.00", "2.5", "ND", "400000.00", "1.5", "266666.67", "B", "", "CNY"].join("\t"));
  });

  it("names the file, line and column of bad CSV, and exits 1", async () => {
    const r = await cli(["icer", "--currency", "CNY", file("bad.csv", "name,cost,effect\nA,0,0\nB,abc,1\n")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.csv:3: column "cost": "abc" is not a number/);
    const ragged = await cli(["icer", "--currency", "CNY", file("ragged.csv", "name,cost,effect\nA,0\n")]);
    expect(ragged.err).toMatch(/ragged\.csv:2: expected 3 fields/);
    const dup = await cli(["icer", "--currency", "CNY", file("dup.csv", "name,cost,effect\nA,0,0\nA,1,1\n")]);
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/dup\.csv: strategies\[1\]\.name/);
    const missing = await cli(["icer", join(tmp, "nope.csv")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.csv: cannot read: ENOENT/);
  });
});

describe("CLI: psa", () => {
  it("reproduces V5: CEAC 0.5/0.5, optimal S2, EVPI 30 at λ = 300", async () => {
    const r = await cli(["psa", "--currency", "CNY", data("v5-draws.csv"), "--lambdas", "0,300"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\s+300\s+0\.5000\s+0\.5000\s+S2\s+30\.00$/m);
    const json = JSON.parse((await cli(["psa", "--currency", "CNY", data("v5-draws.csv"), "--lambdas", "300", "--json"])).out);
    expect(json.points[0].evpi).toEqual({ amount: "30.00", currency: "CNY" });
  });

  it("writes the CEAC SVG and reports draw-sequence errors with line numbers", async () => {
    const svg = join(tmp, "ceac.svg");
    expect((await cli(["psa", "--currency", "CNY", data("v5-draws.csv"), "--lambdas", "0:600:100", "--svg", svg])).code).toBe(0);
    expect(readFileSync(svg, "utf8")).toContain('class="ceaf"');
    const r = await cli(["psa", "--currency", "CNY", file("draws.csv", "strategy,draw,cost,effect\nA,1,1,1\nA,3,1,1\n"), "--lambdas", "1"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/draws\.csv:3: draw 3 of "A" is out of sequence/);
    expect((await cli(["psa", "--currency", "CNY", data("v5-draws.csv")])).code).toBe(2);
  });
});

describe("CLI: no currency is assumed (B2)", () => {
  it("psa needs --currency; icer needs a currency column or --currency; plane without one labels no currency", async () => {
    const psa = await cli(["psa", data("v5-draws.csv"), "--lambdas", "300"]);
    expect(psa.code).toBe(2);
    expect(psa.err).toMatch(/--currency/);
    const icer = await cli(["icer", file("nocur.csv", "name,cost,effect\nA,0,0\nB,100,1\n")]);
    expect(icer.code).toBe(1);
    expect(icer.err).toMatch(/nocur\.csv:2: the cost has no currency: add a currency column or pass --currency/);
    const plane = await cli(["plane", data("v5-draws.csv"), "--csv"]);
    expect(plane.code).toBe(0);
    // The currency column is empty, never an invented CNY.
    expect(plane.out.trim().split("\n")[1]).toMatch(/,4,$/);
    const svg = await cli(["plane", data("v5-draws.csv")]);
    expect(svg.out).toContain("Incremental cost<");
    expect(svg.out).not.toContain("CNY");
  });

  it("model --psa --lambdas needs the cost stream to state its currency", async () => {
    const doc = JSON.parse(readFileSync(data("two-state-psa.json"), "utf8"));
    for (const s of doc.strategies) delete s.model.streams.cost.currency;
    const r = await cli(["model", file("nocur-psa.json", JSON.stringify(doc)), "--psa", "--draws", "20", "--lambdas", "20000"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nocur-psa\.json: --lambdas needs the currency of the costs: state "currency" on the cost stream/);
  });
});

describe("CLI: settle", () => {
  it("prints K1 scenario b's ledger: month-3 withheld by the CRS", async () => {
    const r = await cli(["settle", data("k1-contract.json"), data("k1-events-crs.json"), "--as-of", "2026-12-31"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2026-04-15\s+withheld\s+month-3\s+0\.00\s+360,000\.00\s+"no CRS since treatment start" failed: crs on 2026-01-20$/m);
    expect(r.out).toMatch(/^\s+net\s+840,000\.00\s+360,000\.00$/m);
  });

  it("streams a cohort as NDJSON from stdin, rejecting bad lines by line number with exit 1", async () => {
    const input = `${readFileSync(data("cohort.ndjson"), "utf8")}{"patientId":"P9","events":[{"kind":"infusion","date":"2026-13-01"}]}\n\nnot json\n`;
    const r = await cli(["settle", data("k1-contract.json"), "--cohort", "-", "--as-of", "2026-12-31", "--layers", data("cart-layers.json")], input);
    expect(r.code).toBe(1);
    const records = r.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(records).toHaveLength(7);
    // P001: K1 all well → 1,200,000; split 400,000 + 300,000 + 288,000 + 21,200 + 0, patient 190,800 (sums to the bill).
    expect(records[0].contract.net).toBe("1200000.00");
    expect(records[0].split.layers.map((l: { amount: string }) => l.amount)).toEqual(["400000.00", "300000.00", "288000.00", "21200.00", "0.00"]);
    expect(records[0].split.patient).toBe("190800.00");
    expect(records[5].error.issues[0].path).toEqual(["events", 0, "date"]);
    expect(records[6].index).toBe(8); // the blank line 7 is skipped, numbering follows the file
    expect(r.err).toMatch(/^-:6: patient P9: events\[0\]\.date: /m);
    expect(r.err).toMatch(/^-:8: \(root\): invalid JSON/m);
    expect(r.err).toMatch(/settled 5 patient\(s\), 2 rejected; net CNY 4560000\.00/);
  });

  it("names the events file for bad events and requires --as-of", async () => {
    const r = await cli(["settle", data("k1-contract.json"), file("ev.json", '[{"kind":"teleport","date":"2026-01-01"}]'), "--as-of", "2026-12-31"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ev\.json: events\[0\]\.kind: unknown event kind "teleport"/);
    expect((await cli(["settle", data("k1-contract.json"), data("k1-events-crs.json")])).code).toBe(2);
    const badJson = await cli(["settle", file("c.json", '{"id": "x",\n  "price": }'), data("k1-events-crs.json"), "--as-of", "2026-12-31"]);
    expect(badJson.code).toBe(1);
    expect(badJson.err).toMatch(/c\.json(:2)?: invalid JSON/);
  });
});

describe("CLI: split and bia", () => {
  it("splits a CNY 1,200,000 bill across five layers, the patient paying the rest", async () => {
    const r = await cli(["split", data("cart-layers.json"), "--bill", "1200000", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.layers.map((l: { amount: { amount: string } }) => l.amount.amount)).toEqual(["400000.00", "300000.00", "288000.00", "21200.00", "0.00"]);
    expect(j.patient.amount).toBe("190800.00");
  });

  it("names the layers file and field path of a bad rate", async () => {
    const r = await cli(["split", file("layers.json", '{"layers":[{"kind":"basic","rate":1.5}]}'), "--bill", "100"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/layers\.json: plan\.layers\[0\]\.rate: must be ≤ 1, got 1\.5/);
  });

  it("prints BI2b's yearly net costs", async () => {
    const r = await cli(["bia", data("bi2-egfr.json"), "--csv"]);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split("\n");
    expect(rows[1]).toBe("year,2027,1080,129600000.00,86400000.00,,,,CNY");
    const bad = await cli(["bia", file("bia.json", '{"currency":"CNY","eligible":100,"uptake":1.2,"costPerPatient":"1"}')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bia\.json: uptake/);
  });
});

describe("CLI: CSV dialects in", () => {
  it("reads semicolon CSV with decimal commas (Excel) and R's 1e+05 numerals, to the same frontier as V3", async () => {
    const expected = (await cli(["icer", data("v3-strategies.csv"), "--csv"])).out;
    const excel = file("v3-excel.csv", "\uFEFFname;cost;effect\r\nA;0;0\r\nB;1e+05;1\r\nD;250000;0,9\r\nC;300000;1,5\r\nE;5E5;2,5\r\n");
    const r = await cli(["icer", excel, "--csv", "--currency", "CNY"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(expected);
    const tsv = file("v3.tsv", "name\tcost\teffect\nA\t0\t0\nB\t100000\t1\nD\t250000\t0.9\nC\t3e5\t1.5\nE\t500000\t2.5\n");
    expect((await cli(["icer", tsv, "--csv", "--currency", "CNY"])).out).toBe(expected);
  });

  it("refuses thousands separators and ambiguous marks, naming file, line and column", async () => {
    const sep = await cli(["icer", "--currency", "CNY", file("sep.csv", 'name,cost,effect\nA,0,0\nB,"100,000",1\n')]);
    expect(sep.code).toBe(1);
    expect(sep.err).toMatch(/sep\.csv:3: column "cost": "100,000" has a comma \(thousands separators are not accepted/);
    const dot = await cli(["icer", "--currency", "CNY", file("dot.csv", "name;cost;effect\nA;0;0\nB;100.000;1\n")]);
    expect(dot.code).toBe(1);
    expect(dot.err).toMatch(/dot\.csv:3: column "cost": "100\.000" has a "\." in a file read with a decimal comma/);
    // --decimal . reads the same semicolon file with "." as the decimal mark.
    expect((await cli(["icer", "--currency", "CNY", file("dot2.csv", "name;cost;effect\nA;0;0\nB;100.5;1\n"), "--decimal", ".", "--json"])).code).toBe(0);
    const na = await cli(["psa", "--currency", "CNY", file("na.csv", "strategy,cost,effect\nA,1,NA\n"), "--lambdas", "1"]);
    expect(na.code).toBe(1);
    expect(na.err).toMatch(/na\.csv:2: column "effect": "NA" is not a finite number/);
    const quote = await cli(["icer", "--currency", "CNY", file("quote.csv", 'name,cost,effect\nA,0,0\n"B,1,1\n')]);
    expect(quote.code).toBe(1);
    expect(quote.err).toMatch(/quote\.csv(:\d+)?: unterminated quoted field/);
    expect((await cli(["icer", data("v3-strategies.csv"), "--delimiter", "pipe"])).code).toBe(2);
  });

  it("M7: text cells that a spreadsheet would run as formulas are neutralised; negative numbers are not", async () => {
    const r = await cli(["icer", "--currency", "CNY", file("inject.csv", 'name,cost,effect\n"=HYPERLINK(""http://x"")",0,0\n@SUM(A1),-100,1\n'), "--csv"]);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split("\n");
    // The HYPERLINK row is dominated by "@SUM(A1)": its reference cell is neutralised too.
    expect(rows).toContain(`"'=HYPERLINK(""http://x"")",0.00,0,D,,,,'@SUM(A1),,CNY`);
    expect(rows.some((l) => l.startsWith("'@SUM(A1),-100.00,1,"))).toBe(true);
  });
});

describe("CLI: CSV out is analysis-ready", () => {
  it("psa writes tidy CSV: one row per λ and strategy, plain numbers, true/false", async () => {
    const r = await cli(["psa", "--currency", "CNY", data("v5-draws.csv"), "--lambdas", "0,3e+02", "--csv"]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n")).toEqual([
      "lambda,strategy,p_cost_effective,is_optimal,evpi,currency",
      "0,S1,1,true,0.00,CNY",
      "0,S2,0,false,0.00,CNY",
      "300,S1,0.5,false,30.00,CNY",
      "300,S2,0.5,true,30.00,CNY",
    ]);
  });

  it("settle, split and bia flag totals in a row_type column", async () => {
    const settle = (await cli(["settle", data("k1-contract.json"), data("k1-events-crs.json"), "--as-of", "2026-12-31", "--csv"])).out.trim().split("\n");
    expect(settle[0]).toBe("row_type,date,kind,term,amount,withheld,reason,currency");
    expect(settle).toContain("total,,net,,840000.00,360000.00,,CNY");
    expect(settle.filter((l) => l.startsWith("line,"))).toHaveLength(3);
    const split = (await cli(["split", data("cart-layers.json"), "--bill", "1200000", "--csv"])).out.trim().split("\n");
    expect(split[0]).toBe("row_type,layer,kind,basis,base,eligible,deductible,rate,pays,limited_by,currency");
    expect(split.at(-2)).toBe("patient,patient (out of pocket),,,,,,,190800.00,,CNY");
    expect(split.at(-1)).toBe("total,bill,,,,,,,1200000.00,,CNY");
    const bia = (await cli(["bia", data("bi2-egfr.json"), "--csv"])).out.trim().split("\n");
    expect(bia[0]).toBe("row_type,year,treated,gross_cost,net_cost,share_of_expenditure,share_of_surplus,within_limit,currency");
    expect(bia[1]).toBe("year,2027,1080,129600000.00,86400000.00,,,,CNY");
    expect(bia.at(-1)).toBe("total,,,648000000.00,432000000.00,,,,CNY");
  });
});

describe("CLI: model", () => {
  const mk1 = () =>
    file(
      "mk1.json",
      JSON.stringify({
        type: "markov",
        states: ["Alive", "Dead"],
        initial: { Alive: 1 },
        cycles: 3,
        transitions: [{ matrix: { Alive: { Alive: "complement", Dead: 0.2 }, Dead: { Dead: 1 } } }],
        counting: "life-table",
        streams: { qaly: { values: { Alive: 0.7 }, discountRate: 0.03 }, cost: { values: { Alive: "500" }, discountRate: 0.03, currency: "CNY" } },
      }),
    );

  it("MK1: runs one Markov model deterministically: QALY 1.455704, cost CNY 1039.79", async () => {
    // Alive 1, 0.8, 0.64, 0.512; life-table cycle shares 0.9, 0.72, 0.576 (sum 2.196).
    // QALY 0.7 × (0.9/1.03 + 0.72/1.03² + 0.576/1.03³) = 0.7 × 2.079577 = 1.455704 (undiscounted 1.5372);
    // cost 500 × 2.079577 = 1039.79 (undiscounted 1098.00).
    const r = await cli(["model", mk1(), "--csv"]);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split("\n");
    expect(rows[0]).toBe("stream,total,undiscounted_total,discount_rate,currency");
    expect(rows).toContain("cost,1039.79,1098.00,0.03,CNY");
    const qaly = rows.find((l) => l.startsWith("qaly,"))!.split(",");
    expect(Number(qaly[1])).toBeCloseTo(1.455704, 6);
    expect(Number(qaly[2])).toBeCloseTo(1.5372, 10);
  });

  it("runs a decision document's base case onto the frontier, and its PSA as the library does", async () => {
    const { runModelPsa, analyzePsa } = await import("../../src/index.js");
    const doc = JSON.parse(readFileSync(data("two-state-psa.json"), "utf8"));
    const base = await cli(["model", data("two-state-psa.json"), "--json"]);
    expect(base.code).toBe(0);
    const j = JSON.parse(base.out);
    expect(j.frontier.strategies.map((s: { name: string }) => s.name).sort()).toEqual(["New", "Standard"]);
    const psa = await cli(["model", data("two-state-psa.json"), "--psa", "--draws", "300", "--seed", "7", "--lambdas", "20000", "--json", "--draws-out", join(tmp, "draws.csv")]);
    expect(psa.code).toBe(0);
    const lib = runModelPsa({ ...doc, draws: 300, seed: 7 });
    const out = JSON.parse(psa.out);
    expect(out.summary.map((s: { meanEffect: number }) => s.meanEffect)).toEqual(lib.summary.map((s) => s.meanEffect));
    expect(out.ceac.points[0].ceac).toEqual(analyzePsa({ ...lib, lambdas: [20000], currency: "CNY" }).points[0]!.ceac);
    // The draws file round-trips through the psa command.
    const draws = readFileSync(join(tmp, "draws.csv"), "utf8").trim().split("\n");
    expect(draws[0]).toBe("strategy,draw,cost,effect");
    expect(draws).toHaveLength(601);
    const again = JSON.parse((await cli(["psa", "--currency", "CNY", join(tmp, "draws.csv"), "--lambdas", "20000", "--json"])).out);
    expect(again.points[0].ceac).toEqual(out.ceac.points[0].ceac);
  });

  it("names the file and field path of a bad model, and needs --psa for PSA options", async () => {
    const bad = await cli(["model", file("bad-model.json", JSON.stringify({ type: "markov", states: ["A"], initial: { A: 1 }, cycles: -1, transitions: [], streams: {} }))]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bad-model\.json: cycles/);
    expect((await cli(["model", data("two-state-psa.json"), "--draws", "10"])).code).toBe(1);
    expect((await cli(["model", mk1(), "--psa"])).code).toBe(1);
    expect((await cli(["model", data("two-state-psa.json"), "--psa", "--draws", "0"])).code).toBe(2);
  });
});

describe("CLI: plane", () => {
  it("writes the CE plane SVG from draws and summarises the quadrants", async () => {
    const svg = join(tmp, "plane.svg");
    const r = await cli(["plane", data("v5-draws.csv"), "--svg", svg, "--lambda", "300", "--csv"]);
    expect(r.code).toBe(0);
    expect(readFileSync(svg, "utf8")).toMatch(/^<svg|^<\?xml/);
    const rows = r.out.trim().split("\n");
    expect(rows[0]).toBe("strategy,reference,mean_delta_cost,mean_delta_effect,share_ne,share_nw,share_se,share_sw,share_cost_effective,lambda,draws,currency");
    expect(rows).toHaveLength(2);
  });

  it("runs a decision document's PSA and writes the SVG to stdout when no file is given", async () => {
    const r = await cli(["plane", data("two-state-psa.json"), "--draws", "200", "--seed", "3", "--lambda", "20000"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
    expect((await cli(["plane", data("v5-draws.csv"), "--reference", "Nope"])).code).toBe(2);
  });
});

describe("CLI: settle --cohort at scale", () => {
  const cohort = () => {
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      const day = 1 + (i % 28);
      const events: object[] = [{ kind: "infusion", date: `2026-0${1 + (i % 6)}-${String(day).padStart(2, "0")}` }];
      if (i % 4 === 1) events.push({ kind: "crs", date: `2026-0${1 + (i % 6)}-${String(Math.min(day + 1, 28)).padStart(2, "0")}`, grade: 2 });
      lines.push(JSON.stringify(i % 10 === 3 ? { patientId: `P${i}`, events, patient: { groups: ["subsistence"] } } : { patientId: `P${i}`, events }));
      if (i === 150) lines.push("not json", "");
      if (i === 250) lines.push(JSON.stringify({ patientId: "P7", events: [] })); // a repeat
      if (i === 300) lines.push(JSON.stringify({ patientId: "P9x", events: [{ kind: "teleport", date: "2026-01-01" }] }));
    }
    return file("cohort400.ndjson", `${lines.join("\n")}\n`);
  };
  const settle = (f: string, extra: string[]) => cli(["settle", data("k1-contract.json"), "--cohort", f, "--as-of", "2026-12-31", "--layers", data("cart-layers.json"), ...extra]);

  it("2 worker threads give the same records, error lines and totals as one thread, to the cent", async () => {
    const f = cohort();
    const one = await settle(f, ["--workers", "1", "--totals", join(tmp, "t1.json")]);
    const two = await settle(f, ["--workers", "2", "--totals", join(tmp, "t2.json")]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.out).toBe(one.out);
    expect(two.err).toBe(one.err);
    const t1 = JSON.parse(readFileSync(join(tmp, "t1.json"), "utf8"));
    expect(JSON.parse(readFileSync(join(tmp, "t2.json"), "utf8"))).toEqual(t1);
    expect(t1.patients).toBe(400);
    expect(t1.errors).toBe(3);
    expect(one.err).toMatch(/cohort400\.ndjson:\d+: patient P7: patientId: patient "P7" was already settled at line 8/);
    // The records' own sum is the totals (the merge lost nothing).
    const records = one.out.trim().split("\n").map((l) => JSON.parse(l));
    const net = records.filter((r) => !r.error).reduce((s, r) => s + BigInt(r.contract.net.replace(".", "")), 0n);
    expect(`${net / 100n}.${String(net % 100n).padStart(2, "0")}`).toBe(t1.net);
  });

  it("--max-errors stops at the Nth rejected line; --no-records writes only the totals", async () => {
    const f = cohort();
    const stop = await settle(f, ["--max-errors", "2", "--workers", "2"]);
    expect(stop.code).toBe(1);
    expect(stop.err).toMatch(/stopped after 2 rejected line\(s\) \(--max-errors 2\) at line \d+/);
    const records = stop.out.trim().split("\n").map((l) => JSON.parse(l));
    expect(records.filter((r) => r.error)).toHaveLength(2);
    expect(records.at(-1).error.code).toBe("INCONSISTENT_INPUT");
    expect(stop.err).not.toMatch(/teleport/);
    const quiet = await settle(f, ["--no-records", "--workers", "2"]);
    expect(quiet.out).toBe("");
    expect(quiet.err).toMatch(/settled 400 patient\(s\), 3 rejected/);
  });

  it("--progress draws on stderr only; stdout stays pure NDJSON", async () => {
    const r = await settle(data("cohort.ndjson"), ["--progress"]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/settling \[/);
    for (const l of r.out.trim().split("\n")) expect(() => JSON.parse(l)).not.toThrow();
  });

  it("usage errors: --workers 0, --cohort with an events file, --csv on a cohort", async () => {
    expect((await settle(data("cohort.ndjson"), ["--workers", "0"])).code).toBe(2);
    expect((await cli(["settle", data("k1-contract.json"), data("k1-events-crs.json"), "--cohort", data("cohort.ndjson"), "--as-of", "2026-12-31"])).code).toBe(2);
    expect((await settle(data("cohort.ndjson"), ["--csv"])).code).toBe(2);
    const missing = await settle(join(tmp, "none.ndjson"), []);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/none\.ndjson: cannot read: ENOENT/);
  });
});
