import { step, type Step } from "../core/index.js";
import type { ModelStreamResult } from "./streams.js";

function fmt(x: number): string {
  return Number(x.toPrecision(7)).toString();
}

/** One explanation step per stream: discounting and totals. */
export function describeStreams(streams: Readonly<Record<string, ModelStreamResult>>, firstCycleDiscounted: boolean, rule: string): Step[] {
  return Object.values(streams).map((s) => {
    const discount =
      s.discountRate === 0
        ? "undiscounted"
        : `discounted at ${fmt(s.discountRate * 100)}% a year ${firstCycleDiscounted ? "from the first cycle" : "with the first cycle undiscounted"}`;
    const total = s.money ? `${s.money.total.toString()}` : fmt(s.total);
    const undiscounted = s.money ? s.money.undiscountedTotal.toString() : fmt(s.undiscountedTotal);
    const text = `Stream "${s.name}" (values per ${s.per}), ${discount}: total ${total}${s.discountRate === 0 ? "" : ` (undiscounted ${undiscounted})`}.`;
    return step(
      rule,
      text,
      { stream: s.name, per: s.per, discountRate: s.discountRate, total: s.total, undiscountedTotal: s.undiscountedTotal },
      s.money?.total,
    );
  });
}
