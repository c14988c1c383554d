// The kernel: what every other layer may use and which imports nothing of the library.
export * from "./errors.js";
export * from "./brand.js";
