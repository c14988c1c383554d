// Episode window kind `calendarMonth`: the episode is the calendar month of the service
// date (a monthly bundle such as B1 **[fixed]**).
import * as z from "zod";
import { lazySchema } from "../../kernel/lazy-schema.js";

/** The zod schema of the `calendarMonth` window: `{ kind: "calendarMonth" }`. */
export const calendarMonthWindowSchema = lazySchema(() => z.strictObject({
  /** `"calendarMonth"`: one episode per patient, provider and calendar month. */
  kind: z.literal("calendarMonth"),
}).strict());

/** The `calendarMonth` kind: a line's episode key is the `YYYY-MM` of its service date. */
export const calendarMonthWindowKind = {
  schema: calendarMonthWindowSchema,
  key: (line: { readonly serviceDate: string }): string | null => line.serviceDate.slice(0, 7),
  describe: (key: string) => `calendar month ${key}`,
} as const;
