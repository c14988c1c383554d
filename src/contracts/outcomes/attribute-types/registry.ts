// The registry of declared-attribute types, one line per type: the attribute schema's
// discriminated union is assembled from this list, and an attribute is parsed, fitted,
// checked and worded by the record of its `type`. Adding a type: write
// attribute-types/<type>.ts (an AttributeTypeKind, kind.ts) and add it below.
import { kindLookup } from "../../../kernel/kind-registry.js";
import { booleanAttribute } from "./boolean.js";
import { enumAttribute } from "./enum.js";
import { integerAttribute } from "./integer.js";
import type { AnyAttributeType } from "./kind.js";
import { numberAttribute } from "./number.js";
import { stringAttribute } from "./string.js";

/** The attribute types, in the order of the union. */
export const ATTRIBUTE_TYPES = [booleanAttribute, integerAttribute, numberAttribute, stringAttribute, enumAttribute] as const;

const byType = kindLookup<AnyAttributeType>(ATTRIBUTE_TYPES);

/** The record of an attribute type (a parsed attribute's `type` always has one). */
export function attributeType(type: string): AnyAttributeType {
  return byType(type) as AnyAttributeType;
}
