import { isAbsolute, join, resolve } from 'node:path';
import type { AppConfig } from '../../framework/config/app-config';
import { ConfigError } from '../../framework/config/load-config';

export const LOCAL_FILE_OPTIONS = Symbol('LOCAL_FILE_OPTIONS');

export interface LocalFileOptions {
  /** Absolute directory the files are written to. */
  uploadDir: string;
  /** Base of the files' public URLs, no trailing slash: a file's URL is `<publicUrl>/<id>`. */
  publicUrl: string;
}

/** The route the local provider serves its directory at (static-files.controller.ts). */
export const STATIC_ROUTE = 'static';

/**
 * The local provider's options, Medusa's `file-local` names, from the configuration file:
 *
 *   modules: { file: { options: { upload_dir: './uploads', backend_url: 'https://cdn.example.com/static' } } }
 *
 * or Medusa's provider list, `modules.file.options.providers: [{ resolve: '…/file-local', id: 'local',
 * options: { upload_dir, backend_url } }]` (the entry with id `local` or a `file-local` resolve;
 * its options win over the module's). `upload_dir` is resolved against the working directory, as
 * Medusa does, and defaults to `<DATA_DIR>/uploads`; `backend_url` is the base of the files' URLs
 * (Medusa's default is `http://localhost:9000/static`), here `<BACKEND_URL>/static`.
 */
export function localFileOptions(config: AppConfig, cwd: string = process.cwd()): LocalFileOptions {
  const problems: string[] = [];
  const options = configuredOptions(config.configFile.modules.file, problems);

  let uploadDir = join(config.database.dataDir, 'uploads');
  const dir = options.upload_dir;
  if (dir) {
    if (typeof dir.value === 'string' && dir.value.trim()) uploadDir = isAbsolute(dir.value) ? dir.value : resolve(cwd, dir.value);
    else problems.push(`${dir.path}: expected a directory path`);
  }

  let publicUrl = `${config.http.backendUrl}/${STATIC_ROUTE}`;
  const url = options.backend_url;
  if (url) {
    if (typeof url.value === 'string' && isHttpUrl(url.value)) publicUrl = url.value.replace(/\/+$/, '');
    else problems.push(`${url.path}: expected an http(s) URL such as https://cdn.example.com/static`);
  }

  if (problems.length) throw new ConfigError(problems);
  return { uploadDir, publicUrl };
}

type OptionName = 'upload_dir' | 'backend_url';

/** Each option that is set, with the path it was found at (for messages). */
function configuredOptions(entry: unknown, unknown: string[]): Partial<Record<OptionName, { value: unknown; path: string }>> {
  const found: Partial<Record<OptionName, { value: unknown; path: string }>> = {};
  const moduleOptions = isObject(entry) && isObject(entry.options) ? entry.options : {};
  const take = (options: Record<string, unknown>, path: string): void => {
    for (const name of ['upload_dir', 'backend_url'] as const) {
      if (options[name] !== undefined) found[name] = { value: options[name], path: `${path}.${name}` };
    }
  };
  take(moduleOptions, 'modules.file.options');
  const providers = Array.isArray(moduleOptions.providers) ? moduleOptions.providers : [];
  // Medusa's `…/file-local` entry, recognised by its resolve only (as the provider loader does:
  // an entry of another provider with id 'local' replaces the built-in, it does not configure it)
  const index = providers.findIndex((provider) => isObject(provider) && typeof provider.resolve === 'string' && /(^|\/)file-local$/.test(provider.resolve));
  const provider: unknown = providers[index];
  if (isObject(provider) && isObject(provider.options)) {
    const at = `modules.file.options.providers[${index}].options`;
    take(provider.options, at);
    // nothing else is read from it: a misspelt option must not vanish quietly
    for (const name of Object.keys(provider.options)) {
      if (name !== 'upload_dir' && name !== 'backend_url') unknown.push(`${at}.${name}: unknown option (the local file provider takes upload_dir and backend_url)`);
    }
  }
  return found;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
