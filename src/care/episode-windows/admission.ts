// Episode window kind `admission`: the episode is one admission (CAR-T: the admission with
// the infusion **[fixed]**); a line without an admission id belongs to no such episode.
import * as z from "zod";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** The zod schema of the `admission` window: `{ kind: "admission" }`. */
export const admissionWindowSchema = lazySchema(() => z.strictObject({
  /** `"admission"`: one episode per admission of the patient at the provider. */
  kind: z.literal("admission"),
}).strict());

/** The `admission` kind: a line's episode key is its admission id. */
export const admissionWindowKind = {
  schema: admissionWindowSchema,
  key: (line: { readonly admission?: string | undefined }): string | null => line.admission ?? null,
  describe: (key: string) => `admission ${key}`,
} as const;
