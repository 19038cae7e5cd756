import { forwardRef, Module } from '@nestjs/common';
import { ModuleGate } from './module-gate';

@Module({})
class Money {}
@Module({ imports: [Money] })
class Pricing {}
@Module({ imports: [forwardRef(() => Pricing)] })
class Catalog {}
@Module({})
class Reviews {}
@Module({})
class Dynamic {
  static forRoot() {
    return { module: Dynamic, imports: [Catalog] };
  }
}

describe('ModuleGate', () => {
  const gate = new ModuleGate([Money]);

  it('leaves out every module that reaches a switched-off one, through classes, forward references and dynamic modules', () => {
    expect(gate.needs(Catalog)).toEqual([Money]);
    expect(gate.needs(Dynamic.forRoot())).toEqual([Money]);
    expect(gate.keeps(Reviews)).toBe(true);
    expect(gate.keeps(Money)).toBe(false);
  });

  it('filters a list, saying what each left-out module needed', () => {
    expect(gate.filter([Reviews, Pricing, Dynamic.forRoot()])).toEqual({
      kept: [Reviews],
      removed: [
        { name: 'Pricing', needs: ['Money'] },
        { name: 'Dynamic', needs: ['Money'] },
      ],
    });
  });

  it('keeps everything when nothing is off', () => {
    expect(new ModuleGate([]).filter([Catalog, Dynamic.forRoot()]).kept).toHaveLength(2);
  });
});
