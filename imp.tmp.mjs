const t0 = performance.now();
const m = await import(process.argv[2]);
console.log(process.argv[2], (performance.now() - t0).toFixed(1), m.vega.version, m.vl.version);
