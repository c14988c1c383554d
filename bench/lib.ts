// The benchmarks measure the built package (dist/), as a backend imports it, not the
// TypeScript sources through tsx (whose transform adds a naming call to every closure
// created). `npm run bench` builds first. Types come from the sources.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type * as Library from "../src/index.js";

const built = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "index.js");
if (!existsSync(built)) throw new Error("dist/index.js is missing: run `npm run build` first (npm run bench does)");
const lib = (await import(pathToFileURL(built).href)) as typeof Library;

export type { Money, RunModelPsaInput, RunMicrosimulationInput, PriceContractUnderUncertaintyInput } from "../src/index.js";
export const {
  add,
  addToCohortTotals,
  allocate,
  allocateDipBudget,
  analyzePsa,
  budgetImpact,
  cohortTotalsToJSON,
  dipCasePayment,
  drgPayment,
  emptyCohortTotals,
  evaluateContract,
  evaluateContractMinorUnits,
  frontier,
  isCohortSettlementError,
  money,
  multiply,
  parseContract,
  parseLayers,
  prepareCohortSettlement,
  reconcileProviderBundles,
  round,
  runMarkovModel,
  runModelPsa,
  runPartitionedSurvival,
  runMicrosimulation,
  priceContractUnderUncertainty,
  settleBundle,
  settleCohort,
  settleCohortTotals,
  createPsaAccumulator,
  addPsaDraws,
  finishPsa,
  splitBill,
  splitBillMinorUnits,
  subtract,
  compare,
  sum,
} = lib;
