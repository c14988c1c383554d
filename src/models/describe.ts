import { step, type Step } from "../core/index.js";
import type { ModelStreamResult } from "./streams.js";
import { numberText, percentText } from "../money/format.js";


/** One explanation step per stream: discounting and totals. */
export function describeStreams(streams: Readonly<Record<string, ModelStreamResult>>, firstCycleDiscounted: boolean, rule: string): Step[] {
  return Object.values(streams).map((s) => {
    const discount =
      s.discountRate === 0
        ? "undiscounted"
        : `discounted at ${percentText(s.discountRate, { significant: 7 })} a year ${firstCycleDiscounted ? "from the first cycle" : "with the first cycle undiscounted"}`;
    const total = s.money ? `${s.money.total.toString()}` : numberText(s.total);
    const undiscounted = s.money ? s.money.undiscountedTotal.toString() : numberText(s.undiscountedTotal);
    const text = `Stream "${s.name}" (values per ${s.per}), ${discount}: total ${total}${s.discountRate === 0 ? "" : ` (undiscounted ${undiscounted})`}.`;
    return step(
      rule,
      text,
      { stream: s.name, per: s.per, discountRate: s.discountRate, total: s.total, undiscountedTotal: s.undiscountedTotal },
      s.money?.total,
    );
  });
}
