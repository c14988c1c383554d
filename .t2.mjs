await import('zod'); await import('decimal.js');await import('ml-matrix');
await import('date-fns/parseISO'); await import('date-fns/isValid'); await import('date-fns/differenceInCalendarDays'); await import('pure-rand/distribution/uniformFloat64'); await import('pure-rand/generator/xoroshiro128plus');
globalThis.__t=performance.now();
await import('./dist/index.js'); console.log("bundle", (performance.now()-globalThis.__t).toFixed(0));
