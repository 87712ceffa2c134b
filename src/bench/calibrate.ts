/**
 * `npm run calibrate`: how often the verdict is right, by simulation (see `calibration.ts`).
 * Prints a table and writes `bench/calibration.json`.
 *
 *   npm run calibrate                      # 1,000 runs a scenario
 *   npm run calibrate -- --runs 200 --only count-flat-8,turn-count-8
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarios, runScenario, type ScenarioResult } from './calibration.js';
import { packageRoot } from '../io/package-root.js';

export const FALSE_ALARM_GOAL = 0.06;
export const POWER_GOAL = 0.8;
const SEED = 20111;
const README_START = '<!-- calibration table: written by npm run calibrate -->';
const README_END = '<!-- end of calibration table -->';

function percent(x: number | null): string {
  return x === null ? '–' : `${(100 * x).toFixed(1)}%`;
}

export function calibrationTable(results: readonly ScenarioResult[]): string {
  const rows = ['| scenario | false alarms | power | no verdict | 95% interval coverage | SPC signal, latest point |', '|---|---|---|---|---|---|'];
  for (const r of results) {
    rows.push(`| ${r.description} | ${percent(r.falseAlarmRate)} | ${percent(r.power)} | ${percent(r.insufficientRate)} | ${percent(r.intervalCoverage)} | ${percent(r.spcLatestSignalRate)} |`);
  }
  return rows.join('\n');
}

function main(argv: readonly string[]): number {
  let runs = 1000;
  let only: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--only') only = argv[++i]!.split(',');
    else {
      process.stderr.write(`calibrate: unknown option ${argv[i]}; use --runs N and --only id,id\n`);
      return 2;
    }
  }
  if (!(Number.isInteger(runs) && runs > 0)) {
    process.stderr.write('calibrate: --runs needs a whole number above 0\n');
    return 2;
  }
  const list = scenarios().filter((s) => !only || only.includes(s.id));
  const results: ScenarioResult[] = [];
  for (const s of list) {
    const r = runScenario(s, runs, SEED);
    results.push(r);
    process.stdout.write(`${s.id.padEnd(26)} ${r.kind === 'no-change' ? `false alarms ${percent(r.falseAlarmRate).padStart(6)}` : `power ${percent(r.power).padStart(6)}       `}  no verdict ${percent(r.insufficientRate).padStart(6)}  coverage ${percent(r.intervalCoverage)}${r.spcLatestSignalRate === null ? '' : `  SPC ${percent(r.spcLatestSignalRate)}`}\n`);
  }
  const judged = results.filter((r) => r.kind === 'no-change' && r.insufficientRate < 1);
  const worstFalseAlarm = Math.max(...judged.map((r) => r.falseAlarmRate ?? 0));
  const turn = results.find((r) => r.id === 'turn-count-8');
  const goals = {
    falseAlarms: { goal: FALSE_ALARM_GOAL, worst: worstFalseAlarm, met: worstFalseAlarm <= FALSE_ALARM_GOAL },
    turnPower: turn ? { goal: POWER_GOAL, power: turn.power, met: (turn.power ?? 0) >= POWER_GOAL } : null,
  };
  process.stdout.write(`\nworst false-alarm rate ${percent(worstFalseAlarm)} (goal ≤ ${percent(FALSE_ALARM_GOAL)})${turn ? `; turn called within three years ${percent(turn.power)} (goal ≥ ${percent(POWER_GOAL)})` : ''}\n\n`);
  process.stdout.write(calibrationTable(results) + '\n');
  if (!only) {
    const dir = join(packageRoot(), 'bench');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'calibration.json'), JSON.stringify({ runsPerScenario: runs, seed: SEED, level: 0.95, goals, results }, null, 2) + '\n');
    process.stdout.write(`\nwritten bench/calibration.json\n`);
    // The README's table is this run's, between its markers.
    const readme = join(packageRoot(), 'README.md');
    const text = readFileSync(readme, 'utf8');
    const start = text.indexOf(README_START);
    const end = text.indexOf(README_END);
    if (start >= 0 && end > start) {
      const summary = `${runs.toLocaleString('en-GB')} simulated series a scenario (seed ${SEED}); worst false-alarm rate ${percent(worstFalseAlarm)} (goal ≤ ${percent(FALSE_ALARM_GOAL)}); a turn from +4% to −8% a year called \`turned\` within three years in ${percent(turn?.power ?? null)} (goal ≥ ${percent(POWER_GOAL)}).`;
      writeFileSync(readme, `${text.slice(0, start + README_START.length)}\n${summary}\n\n${calibrationTable(results)}\n${text.slice(end)}`);
      process.stdout.write('updated the table in README.md\n');
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
