/** `oba areas`: every area data may be reported for, with its type, code and other names. */
import type { Terminal } from '../terminal.js';
import { loadPlanOnly } from '../workspace.js';
import { CliError } from '../errors.js';
import { AREA_TYPES, type Area } from '../../plan/types.js';
import { textTable } from '../../render/table.js';

export interface AreasOptions {
  config?: string;
  type?: string;
  json?: boolean;
}

export async function areas(options: AreasOptions, terminal: Terminal, cwd: string): Promise<number> {
  const type = options.type?.trim().toLowerCase();
  if (type !== undefined && !(AREA_TYPES as readonly string[]).includes(type)) {
    throw new CliError(`--type "${options.type}" is not an area type; give one of ${AREA_TYPES.join(', ')}`, 2);
  }
  const { config, plan } = loadPlanOnly(options.config, cwd);
  const all: Area[] = [...plan.areas, ...config.extraAreas].filter((a) => type === undefined || a.type === type);
  if (options.json) {
    terminal.out(JSON.stringify(all.map((a) => ({ name: a.name, type: a.type, code: a.code ?? null, aliases: a.aliases })), null, 2));
    return 0;
  }
  if (all.length === 0) {
    terminal.out(`The plan has no areas${type ? ` of type ${type}` : ''}.`);
    return 0;
  }
  terminal.out(textTable([{ header: 'type' }, { header: 'name' }, { header: 'code' }, { header: 'aliases' }], all.map((a) => [a.type, a.name, a.code ?? '', a.aliases.join(', ')])).trimEnd());
  terminal.out(`${all.length} area${all.length === 1 ? '' : 's'}${type ? ` of type ${type}` : ''}; use a name, code or alias with --area (or --cluster).`);
  return 0;
}
