/**
 * `precision-vbp/plots` — SVG plots of the library's results: CE plane, CEAC, frontier, tornado and value-of-information curves.
 *
 * The same names are exported from the package root (`precision-vbp`); import this
 * subpath to load only this chapter and what it builds on.
 *
 * @packageDocumentation
 * @module plots
 */
export * from "../plots/index.js";
