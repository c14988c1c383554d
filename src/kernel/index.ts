// The kernel: what every other layer may use and which imports nothing of the library.
export {
  ValidationError,
  DomainError,
  formatPath,
  isLibraryError,
  invalid,
  inconsistent,
  ERROR_CODES,
  isErrorCode,
  type Issue,
  type IssuePath,
  type ErrorCode,
  type ErrorClass,
  type ValidationCode,
  type DomainErrorCode,
} from "./errors.js";
export { brand, deepFreeze, type Brand } from "./brand.js";
