// The registry of capitation target kinds: the target schema's discriminated union and the
// payment's dispatch are both read from CAPITATION_TARGET_KINDS. A new kind is one file in
// this folder plus one entry in the list.
import { kindLookup } from "../../../kernel/kind-registry.js";
import { allOfTarget } from "./all-of.js";
import { bandedTarget } from "./banded.js";
import type { CapitationTargetKind, TargetContext, TargetOutcome } from "./kind.js";
import { proportionalTarget } from "./proportional.js";

export type { CapitationTargetKind, TargetContext, TargetOutcome } from "./kind.js";

/** Every target kind, in the order the schema lists them. */
export const CAPITATION_TARGET_KINDS = [bandedTarget, allOfTarget, proportionalTarget] as const;

const targetKind = kindLookup(CAPITATION_TARGET_KINDS);

/** A parsed target of any registered kind. */
export type ParsedTarget = Parameters<(typeof CAPITATION_TARGET_KINDS)[number]["apply"]>[0];

/** Applies a parsed target through its kind's record. */
export function applyTarget(t: ParsedTarget, ctx: TargetContext): TargetOutcome {
  const kind = targetKind(t.kind) as CapitationTargetKind<unknown, ParsedTarget> | undefined;
  // A parsed target always has a registered kind: the schema is the union of these records'.
  if (kind === undefined) throw new Error(`capitation target kind ${JSON.stringify(t.kind)} has no record`);
  return kind.apply(t, ctx);
}
