/**
 * The files `oba init` writes for a council: a plan of the measures the bundled published files
 * carry, a configuration that reads those files through presets, a narrative to start from, and
 * a note on where the data came from. Pure: texts in, texts out.
 */
import { PRESETS, type Preset, type PresetMeasure } from '../data/presets.js';

export interface Council {
  name: string;
  /** ONS code, such as E08000032. */
  code: string;
  /** The old three-digit DfE LA code, when known. */
  laCode?: string;
  region?: { name: string; code: string };
}

export interface ScaffoldOptions {
  council: Council;
  start: string;
  end: string;
  /** The date the baseline is frozen at: the plan's start. */
  /** Published files copied into data/, by their file name. */
  files: PublishedFile[];
}

/** A bundled published file and how the configuration reads it. */
export interface PublishedFile {
  name: string;
  /** A preset's name, or a whole mapping (for files with no time column). */
  read: { preset: string } | { mapping: string };
  comment: string;
  /** The publication and file the extract was taken from: where to get the full file. */
  publication: string;
}

const preset = (name: string): Preset => PRESETS.find((p) => p.name === name)!;

/** The indicators of the starting plan, by the presets whose files carry them. */
const INDICATORS: { outcome: string; title: string; obsession: boolean; presets: string[] }[] = [
  { outcome: 'safe', title: 'Number of children looked after', obsession: true, presets: ['dfe-ees-cla-number', 'dfe-ees-cla-rate'] },
  { outcome: 'learning', title: 'School absence of children looked after', obsession: false, presets: ['dfe-ees-absence-cla'] },
  { outcome: 'learning', title: 'Key stage 4 results of children looked after', obsession: false, presets: ['dfe-ees-ks4-cla'] },
  { outcome: 'work', title: 'Young people not in education, employment or training', obsession: true, presets: ['dfe-nccis-neet', 'dfe-nccis-not-known'] },
  { outcome: 'healthy', title: 'Under-18 conceptions', obsession: false, presets: ['ons-conceptions-under18'] },
];

const OUTCOMES: { id: string; title: string; priority: string }[] = [
  { id: 'safe', title: 'Children and young people are safe from harm', priority: 'Help children to live in safe and supportive families' },
  { id: 'learning', title: 'Children and young people do well at all levels of learning', priority: 'Improve the attendance and results of children looked after' },
  { id: 'work', title: 'Young people are ready for work and adult life', priority: 'Increase the number of young people in education, employment or training' },
  { id: 'healthy', title: 'Children and young people choose healthy lifestyles', priority: 'Reduce teenage conceptions' },
];

const yamlText = (s: string) => (/^[\w ,.()'-]*$/.test(s) && !/^[\d-]/.test(s) && !s.includes(': ') ? s : JSON.stringify(s));
/** The same inside a flow mapping (`{ name: …, type: … }`), where a comma ends the value: "Bristol, City of" is quoted. */
const yamlFlowText = (s: string) => (s.includes(',') ? JSON.stringify(s) : yamlText(s));

function measureYaml(m: PresetMeasure, indent: string): string {
  const lines = [
    `- id: ${m.id}`,
    `  title: ${yamlText(m.title)}`,
    `  unit: ${m.unit}`,
    `  polarity: ${m.polarity}`,
    `  period: ${m.period}`,
    ...(m.frequency ? [`  frequency: ${m.frequency}`] : []),
    `  decimals: ${m.decimals}`,
    `  source: ${yamlText(m.source)}`,
    ...(m.definition ? [`  definition: ${yamlText(m.definition)}`] : []),
  ];
  return lines.map((l) => indent + l).join('\n');
}

export function planYaml(options: ScaffoldOptions): string {
  const { council } = options;
  const out: string[] = [
    `# ${council.name}'s plan: outcomes → priorities → key indicators → measures.`,
    '# oba init wrote it with the measures the published files in data/ carry for every council.',
    '# Change the wording, add your own indicators and measures (your own figures go in a CSV in',
    '# data/, one row an observation: measure,area,period,value), remove what you do not report.',
    '# "obsession: true" marks the few indicators the partnership watches above all others.',
    '#',
    '# Measure fields: unit (count | percent | rate-per-1000 | rate-per-10000 | rate-per-100000),',
    '# polarity (higher-is-better | lower-is-better | no-judgement), period (calendar-year |',
    '# academic-year | financial-year | quarter | month | week | date, with frequency: for date).',
    '',
    `title: ${yamlText(`${council.name} Children and Young People's Plan`)}`,
    `city: ${yamlText(council.name)}`,
    `start: ${options.start}   # when the plan was agreed: each baseline is frozen here`,
    `end: ${options.end}`,
    '',
    'outcomes:',
  ];
  let priority = 0;
  let indicator = 0;
  for (const outcome of OUTCOMES) {
    const indicators = INDICATORS.filter((i) => i.outcome === outcome.id);
    out.push(`  - id: ${outcome.id}`, `    title: ${yamlText(outcome.title)}`, '    priorities:', `      - number: ${++priority}`, `        title: ${yamlText(outcome.priority)}`, '        indicators:');
    for (const ind of indicators) {
      out.push(`          - number: ${++indicator}`, `            title: ${yamlText(ind.title)}`);
      if (ind.obsession) out.push('            obsession: true');
      out.push('            measures:');
      for (const p of ind.presets) out.push(measureYaml(preset(p).measure, '              '));
    }
  }
  out.push(
    '',
    '# Areas data is reported for. Names, codes and aliases are matched ignoring case, so a published',
    "# file's own spellings and codes find the right area.",
    'areas:',
    `  - { name: ${yamlFlowText(council.name)}, type: city, code: ${council.code}${council.laCode ? `, aliases: ["${council.laCode}"]` : ''} }`,
    '  - { name: England, type: national, code: E92000001, aliases: ["921", "National"] }',
  );
  if (council.region) out.push(`  - { name: ${yamlFlowText(council.region.name)}, type: region, code: ${council.region.code} }`);
  else out.push('  # Your region: oba found none for this council in its bundled files; add it as type: region.');
  out.push(
    '  # Statistical neighbours: oba has no bundled list of them. Add their average as',
    '  #   - { name: Statistical neighbours, type: comparator }',
    '  # and each neighbour as type: authority, with its code, to compare with and rank among.',
    '  # Local clusters for turn-the-curve sheets: add each as type: cluster.',
    '',
  );
  return out.join('\n');
}

export function configYaml(options: ScaffoldOptions): string {
  const { council } = options;
  const out: string[] = [
    `# How oba reads ${council.name}'s plan and data. Paths are relative to this file; absolute paths`,
    '# and ~/ work too. `oba validate` checks everything here and says where any problem is.',
    '',
    'plan: plan.yaml',
    'data: []                 # your own CSV files or folders of them, e.g. [data/own/]',
    'narratives: narratives/  # indicator-NN.md: the story behind each baseline, partners, what works, actions',
    `author: ${yamlText(`${council.name} Children and Families Partnership`)}   # who the packs are by, in the HTML and PDF`,
    '',
    'analysis:',
    `  baselineAt: ${options.start} # each baseline is frozen at the last period ending on or before this date`,
    `  horizon: ${options.end}`,
    '  method: auto           # by unit: log-linear for counts and rates, logit for percentages',
    '  minHistory: 5          # the fewest baseline values a forecast is drawn from',
    '  level: 95%',
    '',
    '# Targets say whose they are (source:). None is set here: add your partnership\'s, e.g.',
    '# measures:',
    '#   looked-after:',
    '#     target: { change: -10%, by: 2026-03-31, source: Children and Families Partnership }',
    '',
    '# The published files in data/, read as they were downloaded. A preset knows a standard file\'s',
    '# columns: name it and the file. Rows for other councils are skipped. When a newer file is',
    '# published, download it into data/ and add a line with the same preset (oldest file first:',
    '# where two files give one figure, the later file\'s value is used). `oba validate --data FILE`',
    '# says which preset fits a file you have downloaded.',
    'sources:',
  ];
  for (const f of options.files) {
    out.push(`  # ${f.comment}`);
    if ('preset' in f.read) out.push(`  - { preset: ${f.read.preset}, file: data/${f.name} }`);
    else out.push(f.read.mapping.replaceAll('{file}', `data/${f.name}`));
  }
  out.push(
    '',
    '# Warnings you have read and accept for a file (such as gaps in a published series) can be',
    '# acknowledged, so they are counted and not listed on every run:',
    '# acknowledge:',
    '#   data/dfe-nccis-neet-not-known-la-2025.csv: [SERIES_GAP]',
    '',
  );
  return out.join('\n');
}

export function narrativeMarkdown(council: Council, start: string): string {
  return [
    '---',
    'indicator: 1',
    `updated: ${start}`,
    'owner: Director of Children\'s Services   # who owns the action plan',
    '---',
    '',
    '<!-- The story behind the baseline for indicator 1, children looked after. Each "## " heading',
    '     is a section of the report card; `oba validate` names any heading it does not know.',
    '     {{ latest }}, {{ latest.period }} and {{ change }} are filled from the data. -->',
    '',
    '## Story behind the baseline',
    '',
    `At {{ latest.period }}, {{ latest }} children were looked after by ${council.name}. What is pushing the number up, and what is pulling it down?`,
    '',
    '## Partners',
    '',
    'Who has a role to play in turning the curve?',
    '',
    '## What works',
    '',
    'What would work to do better, including no-cost and low-cost ideas?',
    '',
    '## What we propose to do',
    '',
    'The action plan: what, who, by when.',
    '',
  ].join('\n');
}

/** The files, grouped by name (a file read for two measures is listed twice), in their order. */
function byFile(files: readonly PublishedFile[]): PublishedFile[][] {
  const groups = new Map<string, PublishedFile[]>();
  for (const f of files) groups.set(f.name, [...(groups.get(f.name) ?? []), f]);
  return [...groups.values()];
}

export function dataReadme(council: Council, files: readonly PublishedFile[]): string {
  return [
    `# Published data for ${council.name}`,
    '',
    "Copies of official statistics, unmodified, as oba's bundled extracts hold them: rows for England,",
    'the regions and a selection of local authorities only. Open Government Licence v3.0. Each file, its',
    "publisher and its quirks are described in oba's data/real/SOURCES.md.",
    '',
    `Where a file has no rows for ${council.name}, replace it by the full file of its publication (below),`,
    'under the same name: oba.config.yaml reads each file by its name, and a published file as it was',
    'downloaded. Then run `oba validate`. Newer files go beside these, with a line of their own in',
    "oba.config.yaml (`oba validate --data FILE` names the preset that reads one).",
    '',
    ...byFile(files).map(([first, ...more]) => `- \`${first!.name}\`: ${[first!.comment, ...more.map((f) => f.comment.replace(/^the same file: /, ''))].join('; ')}. The full file: ${first!.publication}.`),
    '',
  ].join('\n');
}
