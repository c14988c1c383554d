import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/setup.ts"],
    testTimeout: 120_000,
    // One test worker per core. Vitest's default in run mode is cores − 1, which on the
    // 2-core CI machine is a single worker while the main process idles (issue 21: CI time).
    maxWorkers: availableParallelism(),
    minWorkers: 1,
  },
});
