/**
 * `oba init [DIR]`: a plan, configuration, narrative and the published data for a council, ready
 * to validate and report at once. Asks nothing: every choice has a flag and a default.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isValidDate } from '../../data/calendar.js';
import { join, resolve } from 'node:path';
import type { Terminal } from '../terminal.js';
import { CliError } from '../errors.js';
import { bundledConfigFile, CONFIG_FILE_NAME, loadConfig } from '../../config/config.js';
import { packageRoot } from '../../io/package-root.js';
import { closest } from '../../data/issues.js';
import { areaKey } from '../../data/areas.js';
import { configYaml, dataReadme, narrativeMarkdown, planYaml, type Council, type PublishedFile } from '../../init/scaffold.js';
import { validate } from './validate.js';
import type { Workspace } from '../workspace.js';

export interface InitOptions {
  council?: string;
  code?: string;
  from?: string;
  start?: string;
  end?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const CLA_SFR = 'DfE "Children looked after in England (including adoption and care leavers), year ending 31 March"';
const CLA_EES = 'DfE "Children looked after in England including adoptions" (Explore Education Statistics)';
const CIN_OUTCOMES = 'DfE "Outcomes for children in need, including children looked after" (Explore Education Statistics)';

/** The bundled published files a new council's configuration reads, oldest first. */
const FILES: PublishedFile[] = [
  {
    name: 'dfe-cla-sfr27-2010-at-31-march.csv',
    comment: 'DfE children looked after at 31 March 2010 (SFR27/2010 underlying data): names only, no codes',
    publication: `${CLA_SFR} 2010, SFR27/2010, underlying data SFR27_2010_March.csv`,
    read: { mapping: '  - { file: {file}, measure: looked-after, period: 2010-03-31, columns: { area: geog_n, value: MarTotal_2010 } }' },
  },
  ...[
    ['dfe-cla-sfr21-2011.csv', 2011, 'SFR21/2011', 'SFR21_CLA.csv'],
    ['dfe-cla-sfr20-2012.csv', 2012, 'SFR20/2012', 'SFR20_CLA2012.csv'],
    ['dfe-cla-sfr36-2013.csv', 2013, 'SFR36/2013', 'SFR36_CLA2013.csv'],
    ['dfe-cla-sfr36-2014.csv', 2014, 'SFR36/2014', 'SFR36_CLA2014.csv'],
    ['dfe-cla-sfr34-2015.csv', 2015, 'SFR34/2015', 'SFR34_CLA2015.csv'],
    ['dfe-cla-sfr41-2016.csv', 2016, 'SFR41/2016', 'SFR41_CLA2016.csv'],
    ['dfe-cla-sfr50-2017.csv', 2017, 'SFR50/2017', 'SFR50_CLA2017.csv'],
  ].map(([name, year, release, original]): PublishedFile => ({
    name: String(name),
    comment: `DfE children looked after at 31 March ${year} (SFR underlying data): no time column, so the period is given`,
    publication: `${CLA_SFR} ${year}, ${release}, underlying data ${original}`,
    read: { mapping: `  - { file: {file}, measure: looked-after, period: ${year}-03-31, columns: { area: [New_geog_code, geog_n], value: CLA_Mar${year} } }` },
  })),
  {
    name: 'dfe-ees-cla-national-time-series-1994-2024.csv',
    comment: 'DfE children looked after at 31 March, England, 1994-2024 (the latest vintage of the national series)',
    publication: `${CLA_EES}, file cla_time_series_1994_2024`,
    read: { mapping: '  - { file: {file}, measure: looked-after, filter: { population_count: Children looked after at 31 March }, columns: { area: country_code, period: time_period, value: number } }' },
  },
  ...(['dfe-ees-cla-number', 'dfe-ees-cla-rate'] as const).map((preset, i): PublishedFile => ({
    name: 'dfe-ees-cla-number-and-rate-2021-2025.csv',
    comment: i === 0 ? 'DfE Explore Education Statistics, children looked after at 31 March 2021-2025: number' : 'the same file: rate per 10,000 children',
    publication: `${CLA_EES}, file cla_number_and_rate_per_10k_children`,
    read: { preset },
  })),
  {
    name: 'dfe-ees-absence-cin-cla-by-la-2018-19-to-2024-25.csv',
    comment: 'DfE Explore Education Statistics, absence of children looked after, 2018/19-2024/25',
    publication: `${CIN_OUTCOMES}, absence by local authority`,
    read: { preset: 'dfe-ees-absence-cla' },
  },
  {
    name: 'dfe-ees-ks4-cin-cla-by-la-2018-19-to-2024-25.csv',
    comment: 'DfE Explore Education Statistics, key stage 4 of children looked after, 2018/19-2024/25',
    publication: `${CIN_OUTCOMES}, key stage 4 by local authority`,
    read: { preset: 'dfe-ees-ks4-cla' },
  },
  ...['2021', '2022', '2023', '2025'].flatMap((year): PublishedFile[] =>
    (['dfe-nccis-neet', 'dfe-nccis-not-known'] as const).map((preset, i) => ({
      name: `dfe-nccis-neet-not-known-la-${year}.csv`,
      comment: i === 0 ? `DfE NCCIS NEET and not known, ${year}: NEET` : 'the same file: activity not known',
      publication: `DfE "NEET and participation: local authority figures", ${year}, underlying data (the NCCIS local authority dashboard's UD_NEETNK_LA_dashboard file)`,
      read: { preset },
    })),
  ),
  {
    name: 'ons-conceptions-2017-table6-under18-by-la-1998-2017.csv',
    comment: 'ONS under-18 conceptions 1998-2017, table 6 saved as CSV',
    publication: 'ONS "Conceptions in England and Wales: 2017", reference tables, Table 6 (an Excel workbook: save the sheet as CSV)',
    read: { preset: 'ons-conceptions-under18' },
  },
];

export async function init(dir: string | undefined, options: InitOptions, terminal: Terminal, cwd: string): Promise<number> {
  const from = (options.from ?? 'blank').trim().toLowerCase();
  if (from !== 'blank' && from !== 'leeds') throw new CliError(`--from "${options.from}" is not known; give blank (a plan of your own, from the published data) or leeds (the bundled Leeds example)`, 2);
  const start = options.start ?? '2023-04-01';
  const end = options.end ?? '2026-03-31';
  for (const [flag, value] of [['--start', start], ['--end', end]] as const) {
    if (!ISO_DATE.test(value) || !isValidDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)))) throw new CliError(`${flag} must be a date written YYYY-MM-DD, not "${value}"`, 2);
  }
  if (start >= end) throw new CliError(`--end ${end} must be after --start ${start}`, 2);
  // Every choice is checked before anything is written: a mistake leaves no empty folder behind.
  if (from === 'leeds' && (options.council !== undefined || options.code !== undefined)) {
    throw new CliError('--from leeds writes the bundled Leeds example as it is; leave out --council and --code, or use --from blank', 2);
  }
  const council = from === 'blank' ? findCouncil(options) : undefined;
  const target = resolve(cwd, dir ?? '.');
  if (existsSync(target) && !statSync(target).isDirectory()) throw new CliError(`${target} is a file; give a folder to write into`, 2);
  for (const name of [CONFIG_FILE_NAME, 'plan.yaml']) {
    if (existsSync(join(target, name))) throw new CliError(`${join(target, name)} exists already; oba init writes only into a folder without a plan and configuration, so choose another folder`, 1);
  }
  mkdirSync(target, { recursive: true });

  if (!council) {
    const bundled = join(packageRoot(), 'data');
    for (const name of ['plan.yaml', CONFIG_FILE_NAME, 'README.md']) copyFileSync(join(bundled, name), join(target, name));
    for (const folder of ['series', 'authorities', 'narratives']) cpSync(join(bundled, folder), join(target, folder), { recursive: true });
  } else {
    const written = {
      'plan.yaml': planYaml({ council, start, end, files: FILES }),
      [CONFIG_FILE_NAME]: configYaml({ council, start, end, files: FILES }),
      'narratives/indicator-01.md': narrativeMarkdown(council, start),
      'data/README.md': dataReadme(council, FILES),
    };
    for (const [name, text] of Object.entries(written)) {
      mkdirSync(join(target, name, '..'), { recursive: true });
      writeFileSync(join(target, name), text);
    }
    const real = join(packageRoot(), 'data', 'real');
    for (const name of new Set(FILES.map((f) => f.name))) copyFileSync(join(real, name), join(target, 'data', name));
  }
  terminal.out(`Wrote ${CONFIG_FILE_NAME}, plan.yaml, narratives/ and data/ in ${target}. Checking them:`);
  let workspace: Workspace | undefined;
  const code = await validate({}, terminal, target, (loaded) => (workspace = loaded));
  // Without a workspace, validate has printed what is wrong with the files.
  if (council && workspace) for (const line of coverageLines(workspace)) terminal.out(line);
  // Quoted for the shell when the name needs it (spaces, quotes, $).
  const shown = dir === undefined || /^[\w./~-]+$/.test(dir) ? dir : `'${dir.replaceAll("'", "'\\''")}'`;
  const here = resolve(cwd) === target ? '' : `cd ${shown} && `;
  terminal.out(['', 'Next:', `  ${here}oba status                             # the scorecard at a glance`, `  ${here}oba report --out board-pack            # the board pack`, `  ${here}oba report --format pdf --out board-pack   # ready to print (needs Chromium, Chrome or Edge)`].join('\n'));
  return code;
}

/**
 * What the published files in data/ hold for the council. They are extracts, with rows for a
 * selection of authorities only, so a council may find some measures, or all, without figures;
 * it is said here, with what to do, rather than left to a scorecard of "no data".
 */
function coverageLines(workspace: Workspace): string[] {
  const { plan, dataset } = workspace;
  const city = plan.city;
  const noRows: string[] = [];
  const noValues: string[] = [];
  for (const m of plan.measures) {
    const observations = dataset.series(m.id, city)?.observations ?? [];
    if (observations.length === 0) noRows.push(m.id);
    else if (observations.every((o) => o.value === null)) noValues.push(m.id);
  }
  const n = plan.measures.length;
  const found = n - noRows.length - noValues.length;
  if (found === n) return ['', `Figures for ${city} in the published files in data/: all ${n} of the plan's measures.`];
  const lines = [''];
  if (found === 0 && noValues.length === 0) {
    lines.push(`The published files in data/ have no rows for ${city}: they are extracts, with rows for England, the regions and a selection of authorities only.`);
  } else {
    lines.push(`Figures for ${city} in the published files in data/: ${found} of the plan's ${n} measures.`);
    if (noRows.length > 0) lines.push(`No rows for ${city}: ${noRows.join(', ')}. The files are extracts, with rows for a selection of authorities only (and some publications leave out the smallest authorities, or count them with a neighbour).`);
    if (noValues.length > 0) lines.push(`Rows for ${city} but no values (marked not available or suppressed): ${noValues.join(', ')}.`);
  }
  if (noRows.length > 0) lines.push('Replace a file by the full file of its publication, under the same name (data/README.md names each), then run `oba validate`.');
  return lines;
}

/** The council named by --council and/or --code, from the authorities oba knows. */
function findCouncil(options: InitOptions): Council {
  const known = [...loadConfig(bundledConfigFile()).extraAreas.filter((a) => a.type === 'authority'), { name: 'Leeds', type: 'authority' as const, code: 'E08000035', aliases: ['383'] }];
  // Compared as data files' area cells are (`areaKey`: case, and outer and repeated spaces, ignored).
  const code = options.code === undefined ? undefined : areaKey(options.code);
  const name = options.council === undefined ? undefined : areaKey(options.council);
  const byCode = code ? known.find((a) => a.code !== undefined && areaKey(a.code) === code) : undefined;
  const byName = name ? known.find((a) => [a.name, ...a.aliases].some((x) => areaKey(x) === name)) : undefined;
  if (options.council === undefined && options.code === undefined) throw new CliError('give the council: --council "Bradford" (or --code E08000032, its ONS code)', 2);
  // The name is written into comments and values of plan.yaml and oba.config.yaml.
  if (options.council !== undefined && /[\u0000-\u001f\u007f]/.test(options.council)) throw new CliError('--council: the name has a line break or another control character; give it on one line', 2);
  if (byCode && byName && byCode !== byName) throw new CliError(`--code ${options.code} is ${byCode.name}, not ${options.council}; give one of them, or both for the same council`, 2);
  const found = byCode ?? byName;
  if (!found) {
    if (options.council && options.code && /^E\d{8}$/i.test(options.code.trim())) return { name: options.council.trim(), code: options.code.trim().toUpperCase() };
    const near = options.council ? closest(options.council, known.map((a) => a.name)) : [];
    throw new CliError(
      `${options.council ? `"${options.council}"` : `--code ${options.code}`} is not an English authority with children's services that oba knows${near.length > 0 ? `; the closest are ${near.map((n) => `"${n}"`).join(', ')}` : ''}. Give both --council and --code (the ONS code, such as E08000032) for any other`,
      2,
    );
  }
  const laCode = found.aliases.find((a) => /^\d{3}$/.test(a));
  const region = regionOf(found.code!);
  return { name: found.name, code: found.code!, ...(laCode ? { laCode } : {}), ...(region ? { region } : {}) };
}

/** The council's region, from the bundled Explore Education Statistics file, when it has the council. */
function regionOf(code: string): Council['region'] {
  const text = readFileSync(join(packageRoot(), 'data', 'real', 'dfe-ees-cla-number-and-rate-2021-2025.csv'), 'utf8').replace(/^\uFEFF/, '');
  const [header, ...rows] = text.split(/\r?\n/);
  const cols = header!.split(',');
  const [iCode, iRegion, iName] = ['new_la_code', 'region_code', 'region_name'].map((c) => cols.indexOf(c));
  for (const row of rows) {
    // Names with commas are quoted, but the columns before la_name are plain.
    const cells = row.split(',');
    if (cells[iCode!] === code || row.includes(`,${code},`)) return { code: cells[iRegion!]!, name: cells[iName!]! };
  }
  return undefined;
}
