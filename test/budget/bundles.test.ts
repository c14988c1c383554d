// Bundled payment: the price resolved from price and components, and one episode settled
// with sharing and stop-loss / stop-gain; every explanation step pinned with its inputs,
// and each input guard's typed error and path.
import { describe, expect, it } from "vitest";
import { bundlePrice, settleBundle } from "../../src/index.js";
import { issues } from "../typed-errors.js";
import { domain, json, m } from "./explain-helpers.js";

const components = [
  { name: "drug", amount: "20000" },
  { name: "test", amount: "5000" },
];

describe("bundle price", () => {
  it("components with a package discount, named bundle, price split back over the components", () => {
    // 20,000 + 5,000 = 25,000 à la carte; 20 % off → 20,000; shares 20,000 × 20/25 = 16,000 and 4,000.
    const r = bundlePrice({ bundle: { currency: "CNY", name: "Lung", components, packageDiscount: 0.2 } });
    expect(json(r)).toEqual({
      price: m("20000.00"),
      alaCarteTotal: m("25000.00"),
      packageDiscount: "0.2",
      components: [
        { name: "drug", listAmount: m("20000.00"), share: m("16000.00") },
        { name: "test", listAmount: m("5000.00"), share: m("4000.00") },
      ],
      explanation: [
        { rule: "budget.bundle.components", text: "The components of Lung add up to CNY 25,000.00 à la carte.", inputs: { drug: m("20000.00"), test: m("5000.00") }, amount: m("25000.00") },
        {
          rule: "budget.bundle.package-discount", text: "The package is priced 20% below the à-la-carte sum.",
          inputs: { alaCarteTotal: m("25000.00"), packageDiscount: "0.2", rounding: "half-up" }, amount: m("20000.00"),
        },
        { rule: "budget.bundle.price", text: "Lung is priced from its components at CNY 20,000.00 per episode.", inputs: {}, amount: m("20000.00") },
      ],
    });
  });

  it("the label falls back from name to id to 'the bundle'", () => {
    const byId = bundlePrice({ bundle: { currency: "CNY", id: "B-7", components, price: "25000" } });
    expect(byId.explanation.map((s) => s.text)).toEqual([
      "The components of B-7 add up to CNY 25,000.00 à la carte.",
      "B-7 is priced at CNY 25,000.00 per episode.",
    ]);
    expect(byId.packageDiscount).toBe("0");
    const anon = bundlePrice({ bundle: { currency: "CNY", components } });
    expect(anon.explanation.map((s) => s.text)).toEqual([
      "The components of the bundle add up to CNY 25,000.00 à la carte.",
      "The bundle is priced from its components at CNY 25,000.00 per episode.",
    ]);
    const priceOnly = bundlePrice({ bundle: { currency: "CNY", price: "100" } });
    expect(json(priceOnly)).toEqual({
      price: m("100.00"), alaCarteTotal: null, packageDiscount: "0", components: [],
      explanation: [{ rule: "budget.bundle.price", text: "The bundle is priced at CNY 100.00 per episode.", inputs: {}, amount: m("100.00") }],
    });
  });

  it("the package discount rounds by the rounding given; zero-amount components or price get zero shares", () => {
    // 333.33 × 0.9 = 299.997 → half-up 300.00, down 299.99.
    expect(bundlePrice({ bundle: { currency: "CNY", components: [{ name: "a", amount: "333.33" }], packageDiscount: 0.1 } }).price.toString()).toBe("CNY 300.00");
    expect(bundlePrice({ bundle: { currency: "CNY", components: [{ name: "a", amount: "333.33" }], packageDiscount: 0.1 }, rounding: "down" }).price.toString()).toBe("CNY 299.99");
    const zero = bundlePrice({ bundle: { currency: "CNY", components: [{ name: "a", amount: "0" }, { name: "b", amount: "0" }] } });
    expect(zero.components.map((c) => c.share.toString())).toEqual(["CNY 0.00", "CNY 0.00"]);
    // A 100 % discount prices the package at 0: every share is 0.
    const free = bundlePrice({ bundle: { currency: "CNY", components: [{ name: "a", amount: "10" }], packageDiscount: 1 } });
    expect([free.price.toString(), free.components[0]!.share.toString()]).toEqual(["CNY 0.00", "CNY 0.00"]);
  });

  it("a price the components disagree with is an inconsistency with both figures", () => {
    expect(domain(() => bundlePrice({ bundle: { currency: "CNY", price: "21000", components, packageDiscount: 0.2 } }))).toEqual({
      code: "INCONSISTENT_INPUT",
      path: ["bundle", "price"],
      reason: "the bundle price CNY 21,000.00 disagrees with its components, which give CNY 20,000.00",
      details: { price: m("21000.00"), fromComponents: m("20000.00"), alaCarteTotal: m("25000.00"), packageDiscount: "0.2" },
    });
  });

  it("a bundle without price or components, or a discount without components, names the field", () => {
    expect(issues(() => bundlePrice({ bundle: { currency: "CNY" } }))).toEqual([{ path: ["bundle", "price"], code: "custom", message: "a bundle needs a price, components, or both" }]);
    expect(issues(() => bundlePrice({ bundle: { currency: "CNY", price: "1", packageDiscount: 0.1 } }))).toEqual([
      { path: ["bundle", "packageDiscount"], code: "custom", message: "a package discount needs components to discount" },
    ]);
  });
});

describe("bundle settlement", () => {
  const bundle = { currency: "CNY", price: "10000" };
  it("a surplus shared, then limited by a stop-gain", () => {
    // 10,000 − 8,000 = 2,000 surplus × 50 % = 1,000; stop-gain 5 % × 10,000 = 500 binds; payer 8,000 + 500 = 8,500.
    const r = settleBundle({ bundle, actualCost: "8000", gainSharing: 0.5, stopGain: { rateOfPrice: 0.05 } });
    expect(json(r)).toEqual({
      bundlePrice: m("10000.00"), actualCost: m("8000.00"), payerPayment: m("8500.00"), providerKeeps: m("500.00"), providerBears: m("0.00"),
      providerMargin: m("500.00"), outcome: "surplus", limitApplied: true,
      explanation: [
        { rule: "budget.bundle.price", text: "The bundle is priced at CNY 10,000.00 per episode.", inputs: {}, amount: m("10000.00") },
        { rule: "budget.bundle.actual-cost", text: "The episode's actual itemised cost is CNY 8,000.00.", inputs: {}, amount: m("8000.00") },
        {
          rule: "budget.bundle.surplus", text: "Cost came in CNY 2,000.00 under the price; the provider keeps 50% of the surplus (结余留用).",
          inputs: { surplus: m("2000.00"), gainSharing: "0.5" }, amount: m("1000.00"),
        },
        { rule: "budget.bundle.stop-gain", text: "The stop-gain limits the provider's gain to CNY 500.00.", inputs: { stopGain: m("500.00") }, amount: m("500.00") },
        {
          rule: "budget.bundle.payer-payment", text: "The payer pays the actual cost plus what the provider keeps, less what it bears.",
          inputs: { actualCost: m("8000.00"), providerKeeps: m("500.00"), providerBears: m("0.00") }, amount: m("8500.00"),
        },
      ],
    });
    // A stop-gain of 1,000 (= the gain) does not bind.
    const loose = settleBundle({ bundle, actualCost: "8000", gainSharing: 0.5, stopGain: { amount: "1000" } });
    expect([loose.limitApplied, loose.providerKeeps.toString()]).toEqual([false, "CNY 1000.00"]);
    expect(json(loose.explanation[3])).toEqual({ rule: "budget.bundle.stop-gain", text: "The stop-gain of CNY 1,000.00 does not bind.", inputs: { stopGain: m("1000.00") }, amount: m("1000.00") });
  });

  it("an overrun shared, then limited by a stop-loss; and a loose stop-loss", () => {
    // 13,000 − 10,000 = 3,000 overrun × 50 % = 1,500; stop-loss 1,200 binds; payer 13,000 − 1,200 = 11,800.
    const r = settleBundle({ bundle, actualCost: "13000", lossSharing: 0.5, stopLoss: { amount: "1200" } });
    expect(json(r.explanation.slice(2))).toEqual([
      { rule: "budget.bundle.overrun", text: "Cost ran CNY 3,000.00 over the price; the provider bears 50% of the overrun.", inputs: { overrun: m("3000.00"), lossSharing: "0.5" }, amount: m("1500.00") },
      { rule: "budget.bundle.stop-loss", text: "The stop-loss limits the provider's loss to CNY 1,200.00; the payer covers the rest.", inputs: { stopLoss: m("1200.00") }, amount: m("1200.00") },
      {
        rule: "budget.bundle.payer-payment", text: "The payer pays the actual cost plus what the provider keeps, less what it bears.",
        inputs: { actualCost: m("13000.00"), providerKeeps: m("0.00"), providerBears: m("1200.00") }, amount: m("11800.00"),
      },
    ]);
    expect(json(r)).toMatchObject({ outcome: "overrun", limitApplied: true, providerMargin: m("-1200.00"), providerKeeps: m("0.00") });
    // Stop-loss 15 % × 10,000 = 1,500 = the loss: does not bind.
    const loose = settleBundle({ bundle, actualCost: "13000", lossSharing: 0.5, stopLoss: { rateOfPrice: 0.15 } });
    expect(loose.explanation[3]!.text).toBe("The stop-loss of CNY 1,500.00 does not bind.");
    expect([loose.limitApplied, loose.providerBears.toString(), loose.payerPayment.toString()]).toEqual([false, "CNY 1500.00", "CNY 11500.00"]);
  });

  it("cost on the price: no surplus and no overrun; stop limits are not consulted", () => {
    const r = settleBundle({ bundle, actualCost: "10000", stopGain: { amount: "1" }, stopLoss: { amount: "1" } });
    expect(json(r.explanation[2])).toEqual({ rule: "budget.bundle.on-price", text: "Cost equals the price: no surplus and no overrun.", inputs: {}, amount: m("0.00") });
    expect(r.explanation).toHaveLength(4);
    expect(json(r)).toMatchObject({ outcome: "on-price", limitApplied: false, payerPayment: m("10000.00"), providerMargin: m("0.00") });
  });

  it("sharing and stop limits round by the terms' rounding", () => {
    // 0.01 surplus × 50 % = 0.005 → half-up 0.01, down 0.00.
    expect(settleBundle({ bundle, actualCost: "9999.99", gainSharing: 0.5 }).providerKeeps.toString()).toBe("CNY 0.01");
    expect(settleBundle({ bundle, actualCost: "9999.99", gainSharing: 0.5, rounding: "down" }).providerKeeps.toString()).toBe("CNY 0.00");
    // overrun 0.01 × 50 % → half-up 0.01, down 0.00.
    expect(settleBundle({ bundle, actualCost: "10000.01", lossSharing: 0.5 }).providerBears.toString()).toBe("CNY 0.01");
    expect(settleBundle({ bundle, actualCost: "10000.01", lossSharing: 0.5, rounding: "down" }).providerBears.toString()).toBe("CNY 0.00");
    // stop-loss 0.00005 × 10,000 = 0.5 → exact; 0.000001 × 10,000 = 0.01; 0.0000005 × 10,000 = 0.005 → half-up 0.01, down 0.00.
    expect(settleBundle({ bundle, actualCost: "11000", stopLoss: { rateOfPrice: 0.0000005 } }).providerBears.toString()).toBe("CNY 0.01");
    expect(settleBundle({ bundle, actualCost: "11000", stopLoss: { rateOfPrice: 0.0000005 }, rounding: "down" }).providerBears.toString()).toBe("CNY 0.00");
  });

  it("a limit gives exactly one of rateOfPrice or amount", () => {
    expect(issues(() => settleBundle({ bundle, actualCost: "1", stopLoss: {} }))).toEqual([{ path: ["stopLoss"], code: "custom", message: "give exactly one of rateOfPrice or amount" }]);
    expect(issues(() => settleBundle({ bundle, actualCost: "1", stopGain: { rateOfPrice: 0.1, amount: "1" } }))).toEqual([
      { path: ["stopGain"], code: "custom", message: "give exactly one of rateOfPrice or amount" },
    ]);
  });
});
