// Prints the error-code table of docs/errors.md from src/kernel/error-codes.ts, so the
// document and the closed union cannot drift (test/core/errors.test.ts compares them).
import { ERROR_CODES } from "../src/kernel/error-codes.js";

export function errorCodeTable(): string {
  const rows = Object.entries(ERROR_CODES).map(([code, e]) => `| \`${code}\` | ${e.class} | ${e.meaning} |`);
  return ["| code | class | meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

if (process.argv[1]?.endsWith("error-codes-doc.ts")) console.log(errorCodeTable());
