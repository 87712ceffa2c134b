/**
 * Loading what every command needs, in order: configuration → plan → data files → dataset.
 * The only place commands touch the input files.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkConfigAgainstPlan, ConfigError, decodeText, findConfigFile, loadConfig, type Config } from '../config/config.js';
import type { YamlMemo } from '../config/yaml.js';
import { parsePlan } from '../plan/parse-plan.js';
import type { Plan } from '../plan/types.js';
import type { DataIssue, Observation } from '../data/types.js';
import type { Dataset } from '../model/dataset.js';
import { parseSourceSpecs, type SourceSpec } from '../data/sources.js';
import { CliError } from './errors.js';
import { InputProblems, placeProblems, type Problem } from '../config/problems.js';
import { terminalSafe } from './terminal.js';
import type { DataMemo, ReadData } from '../io/data-memo.js';

export interface Workspace {
  config: Config;
  plan: Plan;
  dataset: Dataset;
  issues: DataIssue[];
  /** Every input file read, so outputs can refuse to overwrite them. */
  inputs: string[];
  /** How many data files (native and published) were read. */
  dataFileCount: number;
}

/**
 * Reads the configuration and the plan, and checks one against the other. Problems in either
 * are gathered and thrown together (`InputProblems`), each with its file, line and column.
 * With a `memo`, YAML parsed by an earlier run is not parsed again.
 */
export function loadPlanOnly(configName: string | undefined, cwd: string, memo?: YamlMemo): { config: Config; plan: Plan } {
  const file = findConfigFile(configName, cwd);
  const problems: Problem[] = [];
  let config: Config | undefined;
  let planFile: string | undefined;
  try {
    config = loadConfig(file, memo);
    planFile = config.planFile;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.located);
    planFile = error.planFile;
  }
  let plan: Plan | undefined;
  if (planFile !== undefined) {
    try {
      plan = readPlan(planFile, file, config?.locate, memo);
    } catch (error) {
      if (!(error instanceof InputProblems)) throw error;
      problems.push(...error.located);
    }
  }
  if (config && plan) problems.push(...placeProblems(file, checkConfigAgainstPlan(config, plan), config.locate));
  // With the plan in error, the mappings' own shape can still be checked, so one run shows all.
  if (config && !plan) problems.push(...placeProblems(file, parseSourceSpecs(config.sources, file).problems, config.locate));
  if (problems.length > 0 || !config || !plan) throw new InputProblems(problems, 'the configuration and plan');
  return { config, plan };
}

function readPlan(planFile: string, configFile: string, locate: Config['locate'], memo: YamlMemo | undefined): Plan {
  let bytes: Buffer;
  try {
    bytes = readFileSync(planFile);
  } catch {
    throw new InputProblems(placeProblems(configFile, [`plan: cannot read the plan file ${planFile}; correct the path`], locate));
  }
  return parsePlan(decodeText(bytes, planFile, 'plan'), planFile, memo);
}

export interface LoadOptions {
  config?: string;
  /** Native CSV files to read instead of the configured data and sources. */
  data?: string[];
}

/** What a run will read, found without reading the data itself. */
export interface InputPlan {
  config: Config;
  plan: Plan;
  dataFiles: string[];
  specs: SourceSpec[];
  /** Every input file: configuration, plan, data and published sources. */
  files: string[];
}

export function planInputs(options: LoadOptions, cwd: string, memo?: YamlMemo): InputPlan {
  const { config, plan } = loadPlanOnly(options.config, cwd, memo);
  const configFile = config.file ?? 'oba.config.yaml';
  const dataFiles = options.data ? options.data.map((f) => resolve(cwd, f)) : config.dataFiles;
  const { specs, problems } = options.data ? { specs: [], problems: [] } : parseSourceSpecs(config.sources, configFile, plan);
  if (problems.length > 0) throw new ConfigError(configFile, problems, placeProblems(configFile, problems, config.locate));
  return { config, plan, dataFiles, specs, files: [configFile, config.planFile, ...dataFiles, ...specs.map((s) => s.path)] };
}

/**
 * Reads and checks the data, and builds the dataset. With a `memo` (see `io/data-memo.ts`), data
 * an earlier run read from the same files are taken from it; data read without errors are kept in it.
 */
export async function loadWorkspace(options: LoadOptions, cwd: string, inputs: InputPlan = planInputs(options, cwd), memo?: DataMemo): Promise<Workspace> {
  const { config, plan, dataFiles, specs } = inputs;
  // Loaded only when the data are read: a rerun with nothing to do never reads them.
  const { buildDataset } = await import('../model/dataset.js');
  let data = memo?.get();
  if (!data) {
    data = await readAndCheck(inputs);
    if (memo && !data.issues.some((i) => i.severity === 'error')) memo.set(data);
  }
  const dataset = buildDataset(plan, data.observations, config.extraAreas);
  return { config, plan, dataset, issues: data.issues, inputs: inputs.files, dataFileCount: new Set([...dataFiles, ...specs.map((s) => s.path)]).size };
}

async function readAndCheck({ config, plan, dataFiles, specs }: InputPlan): Promise<ReadData> {
  const [{ readDataInputs }, { checkSeries }] = await Promise.all([import('../data/read.js'), import('../data/checks.js')]);
  const read = await readDataInputs([...dataFiles, ...specs], plan, { extraAreas: config.extraAreas });
  // Within a file, ingest has checked repeats and gaps; across files, the same figure twice and
  // the gaps between files are checked here.
  const checked = checkSeries(read.observations, plan, { gapsWithinAFile: false });
  return { observations: checked.observations, issues: [...read.issues, ...checked.issues] };
}

/** Stops with exit 1 when the data has errors, after printing them; warnings go to stderr. */
export function requireCleanData(issues: readonly DataIssue[], printIssue: (issue: DataIssue) => void): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return;
  for (const issue of errors) printIssue(issue);
  throw new CliError(`${errors.length} error${errors.length === 1 ? '' : 's'} in the data; run \`oba validate\` for the full list, fix them and run again`, 1);
}

export function formatIssue(issue: DataIssue): string {
  const column = typeof issue.column === 'number' ? `:${issue.column}` : '';
  const named = typeof issue.column === 'string' ? ` (column "${issue.column}")` : '';
  const where = issue.line > 0 ? `${issue.file}:${issue.line}${column}${named}` : issue.file;
  return terminalSafe(`${where}: ${issue.severity === 'warning' ? 'warning: ' : ''}${issue.message} [${issue.code}]`);
}

export type { Observation };
