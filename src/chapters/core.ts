/**
 * `precision-vbp/core` — Errors, explanations, banded tables and the shared document schemas every chapter uses.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module core
 */
export * from "../core/index.js";
