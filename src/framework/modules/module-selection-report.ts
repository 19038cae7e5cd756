import { DynamicModule, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';

/** What the module selection left out (the boot log; injectable where a route wants to say so). */
export const MODULE_SELECTION = Symbol('MODULE_SELECTION');

export interface ModuleSelectionState {
  /** Module keys switched off in the configuration file. */
  disabled: string[];
  /** Nest modules left out with them, and the switched-off modules each one needed. */
  removed: Array<{ name: string; needs: string[] }>;
}

@Injectable()
class ModuleSelectionLogger implements OnApplicationBootstrap {
  constructor(private readonly state: ModuleSelectionState) {}

  onApplicationBootstrap(): void {
    if (!this.state.disabled.length) return;
    new Logger('Modules').log(
      `Switched off in the configuration file: ${this.state.disabled.join(', ')}; left out with them (routes included): ` +
        this.state.removed.map((item) => `${item.name} (needs ${item.needs.join(', ')})`).join('; '),
    );
  }
}

/** Says once at boot which modules the configuration switched off and what went with them. */
@Module({})
export class ModuleSelectionReport {
  static forRoot(disabled: string[], removed: ModuleSelectionState['removed']): DynamicModule {
    const state: ModuleSelectionState = { disabled, removed };
    return {
      module: ModuleSelectionReport,
      providers: [{ provide: MODULE_SELECTION, useValue: state }, { provide: ModuleSelectionLogger, useFactory: () => new ModuleSelectionLogger(state) }],
      exports: [MODULE_SELECTION],
    };
  }
}
