import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { SUBSCRIBER_METADATA } from './subscriber.decorator';

/** The project's own subscribers: `src/subscribers/` from source, `dist/src/subscribers/` when compiled. */
export const PROJECT_SUBSCRIBERS_DIR = resolve(__dirname, '../../subscribers');

/** Compiled code loads the compiled files; source (Jest, swc-register) loads the TypeScript ones. */
const RUNNING_COMPILED = __filename.endsWith('.js');

export interface SubscriberDirectoryOptions {
  /** Default: PROJECT_SUBSCRIBERS_DIR. */
  dir?: string;
  /** Modules whose exported facades the subscribers inject (the app passes its domain modules). */
  imports?: ModuleMetadata['imports'];
  /** File ending to load, `.ts` or `.js`; default: whichever this code itself runs as. */
  extension?: '.ts' | '.js';
}

/**
 * Every `@Subscriber` class exported by a `*.subscriber.ts` (or `.js`) file directly in `dir`, files
 * in name order. A matching file that exports no subscriber is a mistake (a forgotten decorator, a
 * class not exported) and stops the boot instead of silently never running.
 */
export function loadSubscriberClasses(dir: string, extension: '.ts' | '.js' = RUNNING_COMPILED ? '.js' : '.ts'): Type[] {
  if (!existsSync(dir)) return [];
  const suffix = `.subscriber${extension}`;
  const classes: Type[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith(suffix)).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(join(dir, file)) as Record<string, unknown>;
    const found = Object.values(exported).filter(
      (value): value is Type => typeof value === 'function' && Reflect.getMetadata(SUBSCRIBER_METADATA, value) !== undefined,
    );
    if (found.length === 0) throw new Error(`${join(dir, file)} exports no class decorated with @Subscriber`);
    classes.push(...found);
  }
  return classes;
}

/**
 * Project-level subscribers, as Medusa's `src/subscribers/*`: cross-module reactions that belong
 * to no single module. Each file is found at boot and its classes become providers, which the
 * SubscriberRegistry then discovers like any module's subscriber.
 */
@Module({})
export class SubscribersModule {
  static forDirectory(options: SubscriberDirectoryOptions = {}): DynamicModule {
    const providers = loadSubscriberClasses(options.dir ?? PROJECT_SUBSCRIBERS_DIR, options.extension);
    return { module: SubscribersModule, imports: options.imports ?? [], providers };
  }
}
