const t0=performance.now();
await import('zod'); await import('decimal.js'); const t1=performance.now();
await import('ml-matrix'); const t2=performance.now();
await import('date-fns/parseISO'); await import('date-fns/isValid'); await import('date-fns/differenceInCalendarDays'); await import('pure-rand/distribution/uniformFloat64'); await import('pure-rand/generator/xoroshiro128plus'); const t3=performance.now();
await import('./dist/index.js'); const t4=performance.now();
console.log("zod+dec", (t1-t0).toFixed(0), "ml", (t2-t1).toFixed(0), "datefns+purerand", (t3-t2).toFixed(0), "bundle", (t4-t3).toFixed(0));
