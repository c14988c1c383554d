import { microsimInput } from "./microsim.bench.ts";
const lib = await import("../dist/index.js");
for (const keep of [false, true, false, true]) {
  const input = microsimInput(100_000, keep);
  const t0 = performance.now();
  lib.runMicrosimulation(input);
  console.log(keep ? "keep" : "nokeep", (performance.now() - t0).toFixed(0));
}
