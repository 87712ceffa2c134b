/**
 * The `oba` command line: parses arguments, runs one command, and turns every known error
 * into one readable message and an exit code. Command modules are imported only when used.
 *
 * Exit codes: 0 ok (warnings allowed); 1 the inputs have problems; 2 the command was used
 * wrongly; 70 a bug in oba.
 */
import { Command, CommanderError, Option } from 'commander';
import { CliError, EXIT } from './errors.js';
import { environmentMessage } from './environment-errors.js';
import { processTerminal, terminalSafe, type Terminal } from './terminal.js';
import { usesBundledConfig } from '../config/config.js';
import { formatProblem, InputProblems } from '../config/problems.js';
import { displayPath } from './display-path.js';
import { packageVersion } from '../io/package-root.js';

type Action = (terminal: Terminal) => Promise<number>;

/** Said on stderr whenever a command falls back to the bundled example, so it is never silent. */
export const BUNDLED_NOTICE = 'no oba.config.yaml here: using the bundled Leeds example; `oba init` starts your own';

export async function main(argv: string[], terminal: Terminal = processTerminal(), cwd = process.cwd()): Promise<number> {
  let action: Action | undefined;
  const program = buildProgram(terminal, cwd, (a) => (action = a));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(error, terminal, cwd);
  }
  if (!action) return EXIT.ok;
  try {
    return await action(terminal);
  } catch (error) {
    return reportError(error, terminal, cwd);
  }
}

function reportError(error: unknown, terminal: Terminal, cwd: string): number {
  // Messages may quote the inputs: shown line by line with control characters made visible.
  const safe = (message: string) => message.split('\n').map(terminalSafe).join('\n');
  if (error instanceof CliError) {
    terminal.err(`oba: ${safe(error.message)}`);
    return error.exitCode;
  }
  if (error instanceof InputProblems) {
    for (const problem of error.located) terminal.err(safe(formatProblem(problem, displayPath(problem.file, cwd))));
    const n = error.located.length;
    terminal.err(`oba: ${n} problem${n === 1 ? '' : 's'} in the configuration or plan; fix ${n === 1 ? 'it' : 'them'} and run again (\`oba validate\` lists every problem)`);
    return EXIT.dataProblems;
  }
  const environment = environmentMessage(error);
  if (environment) {
    terminal.err(`oba: ${safe(environment)}`);
    return EXIT.dataProblems;
  }
  const detail = error instanceof Error ? (process.env['OBA_DEBUG'] ? error.stack ?? error.message : error.message) : String(error);
  terminal.err(`oba: internal error: ${detail}\nThis is a bug in oba, not in your data. Please report it with the command you ran (set OBA_DEBUG=1 for details).`);
  return EXIT.bug;
}

const configOption = () => new Option('-c, --config <file>', 'configuration file (default: ./oba.config.yaml, else the bundled Leeds example, with a notice)');

/** The options every command that writes a pack shares, in the order `--help` lists them. */
function addWritingOptions(command: Command, { clean }: { clean: boolean }): Command {
  command
    .option('-f, --format <formats>', 'md (default), html or pdf, or several: md,html,pdf (pdf needs Chromium, Chrome or Edge)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('-v, --verbose', 'list every warning, not one line for each kind')
    .option('--no-cache', 'read every data file, draw every chart and rebuild even if nothing changed')
    .option('-j, --jobs <n>', 'worker threads for drawing charts (default: one per free core but the main thread’s, for runs with enough charts to pay for them; none on 2 cores)');
  if (clean) command.option('--clean', "remove the files oba wrote in --out (keeping any of yours) instead of writing");
  return command;
}

function buildProgram(terminal: Terminal, cwd: string, run: (action: Action) => void): Command {
  const program = new Command('oba')
    .description("Outcomes Based Accountability: baselines, trajectories and report cards for a plan's key indicators")
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => terminal.out(s.trimEnd()), writeErr: (s) => terminal.err(s.trimEnd()) })
    .showHelpAfterError('(run with --help for usage)');
  // --quiet asks for nothing but errors, so it leaves the notice out too.
  const runWith = (options: { config?: string; quiet?: boolean }, action: Action) =>
    run(async (t) => {
      if (options.config === undefined && options.quiet !== true && usesBundledConfig(cwd)) t.err(`oba: ${BUNDLED_NOTICE}`);
      return action(t);
    });

  program
    .command('list')
    .description('List the plan: outcomes, priorities, key indicators and their measures')
    .addOption(configOption())
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  oba list\n  oba list --json | jq ".indicators | length"')
    .action((options) => runWith(options, async (t) => (await import('./commands/list.js')).list(options, t, cwd)));

  program
    .command('init')
    .description("Start a plan for a council: oba.config.yaml, plan.yaml, narratives/ and data/ with the council's published figures")
    .argument('[dir]', 'folder to write into (default: this folder)')
    .option('--council <name>', 'the council, as an English authority with children\'s services, e.g. Bradford')
    .option('--code <code>', 'its ONS code, e.g. E08000032')
    .option('--from <blank|leeds>', 'blank (a plan of the measures in the published files) or leeds (the bundled Leeds example)', 'blank')
    .option('--start <date>', 'when the plan was agreed, YYYY-MM-DD: each baseline is frozen here', '2023-04-01')
    .option('--end <date>', 'when the plan ends, YYYY-MM-DD', '2026-03-31')
    .addHelpText('after', '\nExample:\n  oba init --council Bradford --code E08000032\n  oba init my-plan --council Kirklees --start 2024-04-01 --end 2027-03-31')
    .action((dir, options) => run(async (t) => (await import('./commands/init.js')).init(dir, options, t, cwd)));

  program
    .command('areas')
    .description('List the areas data may be reported for: type, name, code and the other names files use')
    .addOption(configOption())
    .option('-t, --type <type>', 'only areas of this type: city, authority, cluster, national, region or comparator')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  oba areas --type cluster\n  oba areas --json | jq ".[].name"')
    .action((options) => runWith(options, async (t) => (await import('./commands/areas.js')).areas(options, t, cwd)));

  program
    .command('show')
    .description('Show the series of one measure, for one area or all')
    .argument('<measure>', 'measure id (see `oba list`)')
    .addOption(configOption())
    .option('-a, --area <area>', 'area name (default: every area with data)')
    .option('-d, --data <files...>', 'read these native CSV files instead of the configured data')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV in the native data format')
    .addHelpText('after', '\nExample:\n  oba show looked-after --area Leeds\n  oba show neet --csv > neet.csv')
    .action((measure, options) => runWith(options, async (t) => (await import('./commands/show.js')).show(measure, options, t, cwd)));

  program
    .command('validate')
    .description('Check the plan, configuration and data files, listing every problem at once')
    .addOption(configOption())
    .option('-d, --data <files...>', 'check these CSV files instead of the configured data (a published file is recognised and the preset that reads it named)')
    .option('--json', 'print {errors:[…], warnings:[…], acknowledged:n} as JSON')
    .option('-v, --verbose', 'list every warning, not one line for each kind')
    .addHelpText('after', '\nExit status: 0 when there are no errors (warnings allowed), 1 when there are errors.\n\nExample:\n  oba validate\n  oba validate --data my-series.csv --json')
    .action((options) => runWith(options, async (t) => (await import('./commands/validate.js')).validate(options, t, cwd)));

  program
    .command('baseline')
    .description("One measure's baseline: history, frozen forecast, trajectory, actuals since, and the verdict")
    .argument('<measure>', 'measure id (see `oba list`)')
    .addOption(configOption())
    .option('-a, --area <area>', 'area (default: the plan city)')
    .option('-m, --method <method>', 'forecast method: linear, loglinear, logit or holt')
    .option('-w, --window <n>', 'history values before the baseline used for the forecast')
    .option('-b, --baseline-at <period>', 'freeze the baseline at this period (a date, year or period label)')
    .option('--to <period>', 'forecast to this period (default: the plan end)')
    .option('-l, --level <level>', 'prediction interval level, e.g. 0.95 or 95%')
    .option('-t, --target <value>', 'target value for the trajectory')
    .option('--target-at <period>', 'period the target is for (default: --to)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  oba baseline looked-after --baseline-at 2012 --target 1250 --target-at 2015-03-31\n  oba baseline neet --area Seacroft --json')
    .action((measure, options) => runWith(options, async (t) => (await import('./commands/baseline.js')).baseline(measure, options, t, cwd)));

  program
    .command('status')
    .description('The scorecard at a glance: latest value, direction, RAG, verdict and England comparison for every indicator')
    .addOption(configOption())
    .option('-a, --area <area>', 'area (default: the plan city)')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExample:\n  oba status\n  oba status --area Seacroft --json')
    .action((options) => runWith(options, async (t) => (await import('./commands/status.js')).status(options, t, cwd)));

  addWritingOptions(
    program
      .command('report')
      .description('Write the board pack: a scorecard of every indicator and a report card for each')
      .addOption(configOption())
      .option('-o, --out <dir>', 'output folder', 'board-pack')
      .option('-a, --area <area>', 'area the pack is for (default: the plan city)')
      .option('--all-areas', 'one pack per local area, each in its own folder, with an index')
      .option('--as-of <period>', 'report as at this date, month or year'),
    { clean: true },
  )
    .addHelpText('after', '\nExample:\n  oba report --out board-pack\n  oba report --format pdf --out board-pack   # board-pack/board-pack.pdf, ready to print\n  oba report --all-areas --out packs')
    .action((options) => runWith(options, async (t) => (await import('./commands/report.js')).report(options, t, cwd)));

  addWritingOptions(
    program
      .command('sheet')
      .description('Write turn-the-curve sheets for a local cluster (or every cluster)')
      .addOption(configOption())
      .option('--cluster <name>', 'the cluster')
      .option('--all-clusters', 'every cluster in the plan')
      .option('-o, --out <dir>', 'output folder', 'sheets')
      .option('--indicator <numbers>', 'only these indicators, by number: 1 or 1,3,4')
      .option('--as-of <period>', 'use data up to this date, month or year'),
    { clean: true },
  )
    .addHelpText('after', '\nExample:\n  oba sheet --cluster Seacroft --out sheets\n  oba sheet --cluster Seacroft --indicator 1 --format pdf   # two A4 pages to print\n  oba sheet --all-clusters')
    .action((options) => runWith(options, async (t) => (await import('./commands/sheet.js')).sheet(options, t, cwd)));

  addWritingOptions(
    program
      .command('pack')
      .description('Write the board pack, every cluster sheet and the tracker in one run, into board-pack/, sheets/ and tracker/')
      .addOption(configOption())
      .option('-o, --out <dir>', 'output folder', 'pack')
      .option('--as-of <period>', 'report as at this date, month or year (the tracker: the week it falls in)'),
    { clean: false },
  )
    .addHelpText('after', '\nExample:\n  oba pack --out pack   # pack/board-pack, pack/sheets, pack/tracker')
    .action((options) => runWith(options, async (t) => (await import('./commands/pack.js')).pack(options, t, cwd)));

  addWritingOptions(
    program
      .command('tracker')
      .description('Write the weekly obsession tracker; --check fails when the committed one is out of date')
      .addOption(configOption())
      .option('-o, --out <dir>', 'output folder', 'tracker')
      .option('--week <week>', 'report the data up to this ISO week (2015-W10) or date')
      .option('-a, --area <area>', 'area (default: the plan city)')
      .option('--check', 'do not write; exit 1 if the files in --out are not what the data now produces'),
    { clean: true },
  )
    .addHelpText('after', '\nExample:\n  oba tracker --out tracker\n  oba tracker --out tracker --check')
    .action((options) => runWith(options, async (t) => (await import('./commands/tracker.js')).tracker(options, t, cwd)));

  return program;
}
