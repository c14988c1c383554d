import { defineConfig } from "vitest/config";

// The scale-out integration test needs a running Redis (REDIS_URL), so it is outside the
// default `npm test` run (test/**) and run by .ci/steps/scale-out.sh, which starts one.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["examples/scale-out/test/**/*.test.ts"],
    testTimeout: 240_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
