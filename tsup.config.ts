import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "es2022",
    treeshake: true,
    splitting: false,
  },
  {
    // The command-line tool: one ESM file with a shebang; Node built-ins stay external.
    entry: { cli: "cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap: false,
    clean: false,
    splitting: false,
    banner: { js: "#!/usr/bin/env node" },
  },
]);
