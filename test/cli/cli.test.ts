import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const data = (f: string) => join(root, "examples", "data", f);
const tmp = mkdtempSync(join(tmpdir(), "vbp-cli-"));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "cli", "main.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
    input,
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, text: string): string {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
}

describe("CLI: help and usage", () => {
  it("lists every command and exits 0 on --help; unknown commands exit 2", () => {
    const help = cli(["--help"]);
    expect(help.code).toBe(0);
    for (const c of ["icer", "psa", "settle", "split", "bia"]) expect(help.out).toMatch(new RegExp(`^  ${c} `, "m"));
    const bad = cli(["frobnicate"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown command "frobnicate"');
  });

  it("every command has --help, and unknown options are usage errors", () => {
    for (const c of ["icer", "psa", "settle", "split", "bia"]) {
      const r = cli([c, "--help"]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^usage: precision-vbp ${c} `));
    }
    const r = cli(["icer", data("v3-strategies.csv"), "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option '--bogus'/);
  });
});

describe("CLI: icer", () => {
  it("prints V3's frontier as an aligned table with the optimal strategy at λ", () => {
    const r = cli(["icer", data("v3-strategies.csv"), "--lambda", "300000"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^E\s+500,000\.00\s+2\.5\s+ND\s+400,000\.00\s+1\.5\s+266,666\.67\s+vs B$/m);
    expect(r.out).toMatch(/^C\s+300,000\.00\s+1\.5\s+ED\s+extendedly dominated by B and E$/m);
    expect(r.out).toMatch(/^D\s+250,000\.00\s+0\.9\s+D\s+dominated by B$/m);
    expect(r.out).toContain("the optimal strategy is E");
  });

  it("gives JSON and CSV on request, and writes the frontier SVG", () => {
    const svg = join(tmp, "frontier.svg");
    const json = JSON.parse(cli(["icer", data("v3-strategies.csv"), "--json", "--svg", svg]).out);
    expect(json.strategies.map((s: { status: string }) => s.status)).toEqual(["ND", "ND", "D", "ED", "ND"]);
    expect(json.strategies[4].icer).toEqual({ amount: "266666.67", currency: "CNY" });
    expect(readFileSync(svg, "utf8")).toContain('data-name="E"');
    const csv = cli(["icer", data("v3-strategies.csv"), "--csv"]).out.trim().split("\n");
    expect(csv[0]).toBe("strategy,cost,effect,status,ΔC,ΔE,ICER,note");
    expect(csv[5]).toBe('E,"500,000.00",2.5,ND,"400,000.00",1.5,"266,666.67",vs B');
  });

  it("names the file, line and column of bad CSV, and exits 1", () => {
    const r = cli(["icer", file("bad.csv", "name,cost,effect\nA,0,0\nB,abc,1\n")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.csv:3: column "cost": "abc" is not a decimal amount/);
    const ragged = cli(["icer", file("ragged.csv", "name,cost,effect\nA,0\n")]);
    expect(ragged.err).toMatch(/ragged\.csv:2: expected 3 fields/);
    const dup = cli(["icer", file("dup.csv", "name,cost,effect\nA,0,0\nA,1,1\n")]);
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/dup\.csv: strategies\[1\]\.name/);
    const missing = cli(["icer", join(tmp, "nope.csv")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nope\.csv: cannot read: ENOENT/);
  });
});

describe("CLI: psa", () => {
  it("reproduces V5: CEAC 0.5/0.5, optimal S2, EVPI 30 at λ = 300", () => {
    const r = cli(["psa", data("v5-draws.csv"), "--lambdas", "0,300"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\s+300\s+0\.5000\s+0\.5000\s+S2\s+30\.00$/m);
    const json = JSON.parse(cli(["psa", data("v5-draws.csv"), "--lambdas", "300", "--json"]).out);
    expect(json.points[0].evpi).toEqual({ amount: "30.00", currency: "CNY" });
  });

  it("writes the CEAC SVG and reports draw-sequence errors with line numbers", () => {
    const svg = join(tmp, "ceac.svg");
    expect(cli(["psa", data("v5-draws.csv"), "--lambdas", "0:600:100", "--svg", svg]).code).toBe(0);
    expect(readFileSync(svg, "utf8")).toContain('class="ceaf"');
    const r = cli(["psa", file("draws.csv", "strategy,draw,cost,effect\nA,1,1,1\nA,3,1,1\n"), "--lambdas", "1"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/draws\.csv:3: draw 3 of "A" is out of sequence/);
    expect(cli(["psa", data("v5-draws.csv")]).code).toBe(2);
  });
});

describe("CLI: settle", () => {
  it("prints K1 scenario b's ledger: month-3 withheld by the CRS", () => {
    const r = cli(["settle", data("k1-contract.json"), data("k1-events-crs.json"), "--as-of", "2026-12-31"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2026-04-15\s+withheld\s+month-3\s+0\.00\s+360,000\.00\s+"no CRS since treatment start" failed: crs on 2026-01-20$/m);
    expect(r.out).toMatch(/^\s+net\s+840,000\.00\s+360,000\.00$/m);
  });

  it("streams a cohort as NDJSON from stdin, rejecting bad lines by line number with exit 1", () => {
    const input = `${readFileSync(data("cohort.ndjson"), "utf8")}{"patientId":"P9","events":[{"kind":"infusion","date":"2026-13-01"}]}\n\nnot json\n`;
    const r = cli(["settle", data("k1-contract.json"), "--cohort", "-", "--as-of", "2026-12-31", "--layers", data("cart-layers.json")], input);
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

  it("names the events file for bad events and requires --as-of", () => {
    const r = cli(["settle", data("k1-contract.json"), file("ev.json", '[{"kind":"teleport","date":"2026-01-01"}]'), "--as-of", "2026-12-31"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/ev\.json: events\[0\]\.kind: unknown event kind "teleport"/);
    expect(cli(["settle", data("k1-contract.json"), data("k1-events-crs.json")]).code).toBe(2);
    const badJson = cli(["settle", file("c.json", '{"id": "x",\n  "price": }'), data("k1-events-crs.json"), "--as-of", "2026-12-31"]);
    expect(badJson.code).toBe(1);
    expect(badJson.err).toMatch(/c\.json(:2)?: invalid JSON/);
  });
});

describe("CLI: split and bia", () => {
  it("splits a CNY 1,200,000 bill across five layers, the patient paying the rest", () => {
    const r = cli(["split", data("cart-layers.json"), "--bill", "1200000", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.layers.map((l: { amount: { amount: string } }) => l.amount.amount)).toEqual(["400000.00", "300000.00", "288000.00", "21200.00", "0.00"]);
    expect(j.patient.amount).toBe("190800.00");
  });

  it("names the layers file and field path of a bad rate", () => {
    const r = cli(["split", file("layers.json", '{"layers":[{"kind":"basic","rate":1.5}]}'), "--bill", "100"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/layers\.json: plan\.layers\[0\]\.rate: must be ≤ 1, got 1\.5/);
  });

  it("prints BI2b's yearly net costs", () => {
    const r = cli(["bia", data("bi2-egfr.json"), "--csv"]);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split("\n");
    expect(rows[1]).toBe('2027,1080,"129,600,000.00","86,400,000.00",,,');
    expect(rows[4]).toBe('total,,"648,000,000.00","432,000,000.00",,,');
    const bad = cli(["bia", file("bia.json", '{"currency":"CNY","eligible":100,"uptake":1.2,"costPerPatient":"1"}')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/bia\.json: uptake/);
  });
});
