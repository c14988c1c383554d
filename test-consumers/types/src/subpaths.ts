// Every subpath of the package resolves, with types, from an ES module.
import * as root from "precision-vbp";
import { ValidationError, DomainError } from "precision-vbp/core";
import { money, allocate, add, formatMoney, type Money, type ExactDecimal } from "precision-vbp/money";
import { frontier } from "precision-vbp/valuation";
import { runMarkovModel } from "precision-vbp/models";
import { contractSchema } from "precision-vbp/contracts";
import { coveragePlanSchema, splitBill } from "precision-vbp/tiers";
import { budgetImpact } from "precision-vbp/budget";
import * as care from "precision-vbp/care";
import { settleCohort } from "precision-vbp/cohort";
import { ceacSvg } from "precision-vbp/plots";

const shares: Money[] = allocate(money("100.00"), [1, 1, 1]);
const total: Money = add(shares[0]!, shares[1]!);
const text: string = formatMoney(total);
const amount: ExactDecimal = total.amount;
const digits: string = amount.toFixed(2);
const same: typeof root.money = money; // the root re-exports the chapters' names
const fns: unknown[] = [frontier, runMarkovModel, contractSchema, coveragePlanSchema, splitBill, budgetImpact, care, settleCohort, ceacSvg, ValidationError, DomainError];
export { text, digits, same, fns };
