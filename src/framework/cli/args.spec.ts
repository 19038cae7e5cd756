import { CliUsageError, integerFlag, parseArgs, requireFlag } from './args';

describe('parseArgs', () => {
  it('takes the first argument as the command', () => {
    expect(parseArgs(['db:migrate'])).toEqual({ command: 'db:migrate', positionals: [], flags: {} });
  });

  it('has no command for an empty argv', () => {
    expect(parseArgs([])).toEqual({ command: undefined, positionals: [], flags: {} });
  });

  it('collects the arguments after the command as positionals, in order', () => {
    expect(parseArgs(['db:generate', 'add-tags', 'extra']).positionals).toEqual(['add-tags', 'extra']);
  });

  it('reads `--flag value`', () => {
    const args = parseArgs(['seed', '--file', 'data.json']);
    expect(args.flags).toEqual({ file: 'data.json' });
    expect(args.positionals).toEqual([]);
  });

  it('reads `--flag=value`, keeping any further = in the value', () => {
    expect(parseArgs(['seed', '--file=data.json']).flags).toEqual({ file: 'data.json' });
    expect(parseArgs(['seed', '--filter=a=b']).flags).toEqual({ filter: 'a=b' });
  });

  it('reads `--flag=` as an empty value', () => {
    expect(parseArgs(['seed', '--file=']).flags).toEqual({ file: '' });
  });

  it('treats a flag followed by another flag as a boolean switch', () => {
    expect(parseArgs(['db:check', '--strict', '--name', 'x']).flags).toEqual({ strict: true, name: 'x' });
  });

  it('treats a flag at the end as a boolean switch', () => {
    expect(parseArgs(['db:check', '--strict']).flags).toEqual({ strict: true });
  });

  it('mixes positionals and flags', () => {
    expect(parseArgs(['db:generate', 'init', '--dry-run', '--out', 'migrations', 'more'])).toEqual({
      command: 'db:generate',
      positionals: ['init', 'more'],
      flags: { 'dry-run': true, out: 'migrations' },
    });
  });

  it('lets a later occurrence of a flag win', () => {
    expect(parseArgs(['seed', '--file', 'a', '--file=b']).flags).toEqual({ file: 'b' });
  });

  it('does not take a leading flag as the command, and keeps it as a flag', () => {
    expect(parseArgs(['--help'])).toEqual({ command: undefined, positionals: [], flags: { help: true } });
  });
});

describe('requireFlag', () => {
  it('returns the value of a flag that has one', () => {
    expect(requireFlag(parseArgs(['seed', '--file', 'data.json']), 'file')).toBe('data.json');
  });

  it.each([
    ['missing', ['seed']],
    ['a boolean switch', ['seed', '--file']],
    ['empty', ['seed', '--file=']],
  ])('throws a CliUsageError naming the flag when it is %s', (_case, argv) => {
    const run = () => requireFlag(parseArgs(argv), 'file');
    expect(run).toThrow(CliUsageError);
    expect(run).toThrow('--file <value> is required');
  });
});

describe('integerFlag', () => {
  const range = { min: 1, max: 100 };
  const flag = (...argv: string[]) => integerFlag(parseArgs(['run', ...argv]), 'count', range);

  it('reads an integer within the range, bounds included', () => {
    expect(flag('--count', '1')).toBe(1);
    expect(flag('--count=100')).toBe(100);
    expect(flag('--count', ' 42 ')).toBe(42);
  });

  it('falls back when the flag is absent, and requires it when there is no fallback', () => {
    expect(integerFlag(parseArgs(['run']), 'count', { ...range, fallback: 7 })).toBe(7);
    expect(() => flag()).toThrow(new CliUsageError('--count <value> is required'));
  });

  it.each([
    ['zero', ['--count', '0'], "'0'"],
    ['above the maximum', ['--count', '101'], "'101'"],
    ['negative', ['--count', '-3'], "'-3'"],
    ['a word', ['--count', 'abc'], "'abc'"],
    ['a decimal', ['--count', '2.5'], "'2.5'"],
    ['a bare switch', ['--count'], "''"],
    ['empty', ['--count='], "''"],
  ])('refuses a value that is %s, naming the flag, the range and the value', (_case, argv, shown) => {
    expect(() => flag(...argv)).toThrow(new CliUsageError(`--count must be an integer from 1 to 100 (got ${shown})`));
  });
});
