// The typed errors live in the kernel (src/kernel/errors.ts) so that money can use them
// without importing core; this module keeps the old import path working.
export * from "../kernel/errors.js";
