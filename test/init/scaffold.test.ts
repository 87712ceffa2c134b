/**
 * The plan `oba init` writes must read back as the plan of the council it names, whatever the
 * council's name holds: two of the authorities oba knows have a comma in theirs
 * ("Bristol, City of"), which ends a value inside a flow mapping unless it is quoted.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/parse-plan.js';
import { bundledConfigFile, loadConfig } from '../../src/config/config.js';
import { planYaml, type Council } from '../../src/init/scaffold.js';

const planFor = (council: Council) => parsePlan(planYaml({ council, start: '2023-04-01', end: '2026-03-31', files: [] }), 'plan.yaml');

describe('planYaml', () => {
  it('reads back, for every authority oba knows, as a plan whose city is that authority', () => {
    const known = loadConfig(bundledConfigFile()).extraAreas.filter((a) => a.type === 'authority');
    expect(known.some((a) => a.name.includes(','))).toBe(true);
    for (const area of known) {
      const plan = planFor({ name: area.name, code: area.code! });
      expect(plan.city, area.name).toBe(area.name);
      expect(plan.areas.find((a) => a.type === 'city'), area.name).toMatchObject({ name: area.name, code: area.code });
    }
  });

  it('quotes a name given on the command line that YAML would otherwise read as something else', () => {
    for (const name of ['Somewhere, Borough of', 'St Helens: "the town"', '{Braces} [and] brackets', '123 Numbers first', '- dash first', "O'Brien # not a comment"]) {
      const plan = planFor({ name, code: 'E06000099', region: { name: 'North West, England', code: 'E12000002' } });
      expect(plan.city, name).toBe(name);
      expect(plan.areas.map((a) => a.name), name).toEqual(expect.arrayContaining([name, 'North West, England']));
    }
  });
});
