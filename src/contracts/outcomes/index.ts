/**
 * Outcome vocabulary of a contract: the outcome kinds it declares beyond the built-in
 * events, with typed attributes, and the tests its terms put on them.
 *
 * @module
 */
export {
  outcomeAttributeSchema,
  outcomeKindDeclarationSchema,
  outcomeDeclarationsSchema,
  parseOutcomeDeclarations,
  type OutcomeAttributeDeclaration,
  type OutcomeDeclarationsInput,
  type ParsedOutcomes,
  type ParsedOutcomeKind,
  type ParsedAttribute,
} from "./declarations.js";
export { validateOutcomeEvents, validateOutcomeEventsInputSchema, type ValidateOutcomeEventsInput, type DeclaredOutcomeEvent } from "./declared-events.js";
export { attributeTestSchema, attributeTestsSchema, type AttributeTest, type AttributeTestInput } from "./attribute-tests.js";
export type { ExactNumber } from "./exact-number.js";
export { countConditionSchema, sustainedConditionSchema, byDeadlineConditionSchema, milestoneSchema, type MilestoneTerms } from "../terms/schemas.js";
export { perCycleTermSchema, perCycleKind, type ParsedPerCycle } from "../terms/per-cycle.js";
export { milestoneBonusTermSchema, milestoneBonusKind, type ParsedMilestoneBonus } from "../terms/milestone-bonus.js";
export { deadlineRefundKindSchema, deadlineRefundKind } from "../terms/deadline-refund.js";
export { deadlineClawbackKindSchema, deadlineClawbackKind } from "../terms/deadline-clawback.js";
export type { DeadlineSpec, DeadlineOutcome, ParsedDeadlineReturn } from "../terms/deadline.js";
export type { MilestoneStatus } from "../conditions/by-deadline.js";
export type { ParsedAttributeTest } from "./attribute-tests.js";
