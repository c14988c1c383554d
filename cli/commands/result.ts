/** A command's exit status, set by its action (0 unless the data was bad). */
export interface CommandResult {
  code: number;
}
