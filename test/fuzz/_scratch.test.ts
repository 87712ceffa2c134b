import { it } from 'vitest';
import { parseSourceSpecs, ingestSource } from '../../src/data/sources.js';
import { bundledPlan } from '../helpers/plan.js';
it('probe', async () => {
  const big = '1' + '0'.repeat(307);
  const { specs, problems } = parseSourceSpecs([
    { file: 'f.csv', measure: 'looked-after', period: '2013-03-31', columns: { area: 'a', value: { numerator: 'n', denominator: 'd', multiplier: 1 } } },
    { file: 'f.csv', measure: 'looked-after', period: '2013-03-31', columns: { area: 'a', value: { numerator: 'n', denominator: 'd', multiplier: 1e308 } } },
    { file: 'f.csv', measure: 'looked-after', period: '2013-03-31', filter: { '#0': 'Leeds' }, columns: { area: 'a', value: 'n' } },
    { file: 'f.csv', measure: 'looked-after', period: '2013-03-31', filter: { '#0': '' }, columns: { area: 'a', value: 'n' } },
  ], '/tmp/cfg.yaml', bundledPlan);
  console.log('problems', problems);
  const files = [`a,n,d\nLeeds,${big},0.1\n`, 'a,n,d\nLeeds,10,1\n', 'a,n,d\nLeeds,10,1\n', 'a,n,d\nLeeds,10,1\n'];
  specs.forEach((s, i) => {
    const r = ingestSource(s, Buffer.from(files[i]!), 'f.csv', bundledPlan);
    console.log(i, JSON.stringify(r.observations.map((o) => o.value)), JSON.stringify(r.issues));
  });
}, 600000);
