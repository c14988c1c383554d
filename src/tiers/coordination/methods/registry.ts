// The secondary payment methods, one file each; adding one is a file plus a line here.
import * as z from "zod";
import { maintenanceOfBenefitsMethod } from "./maintenance-of-benefits.js";
import { medicareSecondaryPayerMethod } from "./medicare-secondary-payer.js";
import type { SecondaryMethod } from "./method.js";
import { nonDuplicationMethod } from "./non-duplication.js";
import { standardMethod } from "./standard.js";
import { lazySchema } from "../../../kernel/lazy-schema.js";

/**
 * The methods by kind.
 *
 * @category Coordination of Benefits
 */
export const SECONDARY_METHODS = {
  standard: standardMethod,
  nonDuplication: nonDuplicationMethod,
  maintenanceOfBenefits: maintenanceOfBenefitsMethod,
  medicareSecondaryPayer: medicareSecondaryPayerMethod,
} as const satisfies Record<string, SecondaryMethod>;

/**
 * The names of the secondary payment methods.
 *
 * @category Coordination of Benefits
 */
export type SecondaryMethodKind = keyof typeof SECONDARY_METHODS;

/**
 * The zod schema of a secondary method document, e.g. `{ kind: "standard" }`.
 *
 * @category Coordination of Benefits
 */
export const secondaryMethodSchema = lazySchema(() => z.discriminatedUnion("kind", [standardMethod.schema, nonDuplicationMethod.schema, maintenanceOfBenefitsMethod.schema, medicareSecondaryPayerMethod.schema]));

/**
 * A parsed secondary method document.
 *
 * @category Coordination of Benefits
 */
export type SecondaryMethodDoc = z.output<typeof secondaryMethodSchema>;
