import { describe, expect, it } from 'vitest';
import { insertData, parseDataFile, parseDelimited, parseSiteYaml } from '../../../src/load/jekyll-data.js';

const valueOf = (parsed: ReturnType<typeof parseDataFile>): unknown => ('value' in parsed ? parsed.value : parsed.diagnostic);

describe('site data files', () => {
  it('reads YAML as Jekyll (YAML 1.1: yes is true), lists and tables alike', () => {
    expect(valueOf(parseDataFile('show: yes\nname: Tide\n', '_data/a.yml'))).toEqual({ show: true, name: 'Tide' });
    expect(valueOf(parseDataFile('- a\n- b\n', '_data/list.yaml'))).toEqual(['a', 'b']);
    expect(valueOf(parseDataFile('', '_data/empty.yml'))).toEqual({});
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    let bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 0, prev = 'a'; i < 9; i += 1, prev = `b${i - 1}`) bomb += `b${i}: &b${i} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    const parsed = parseSiteYaml(bomb, '_data/bomb.yml');
    expect('diagnostic' in parsed && parsed.diagnostic).toMatchObject({ code: 'site-data-invalid', file: '_data/bomb.yml' });
  });

  it('says where a YAML or JSON file is broken', () => {
    const yaml = parseDataFile('a: 1\nb: [1, 2\nc: 3\n', '_data/x.yml');
    expect('diagnostic' in yaml && yaml.diagnostic).toMatchObject({ code: 'site-data-invalid', severity: 'warning', line: expect.any(Number) });
    const json = parseDataFile('{\n  "a": 1\n  "b": 2\n}\n', '_data/x.json');
    expect('diagnostic' in json && json.diagnostic).toMatchObject({ code: 'site-data-invalid', line: 3 });
  });

  it('reads CSV with a header row into tables (quotes, commas, newlines and "" inside fields)', () => {
    const csv = 'name,note\nInes,"says ""hi"", often"\n"Tomas","two\nlines"\n';
    expect(valueOf(parseDataFile(csv, '_data/crew.csv'))).toEqual([
      { name: 'Ines', note: 'says "hi", often' },
      { name: 'Tomas', note: 'two\nlines' },
    ]);
    expect(valueOf(parseDataFile('a\tb\r\n1\t2\r\n', '_data/t.tsv'))).toEqual([{ a: '1', b: '2' }]);
    expect(parseDelimited('x,y', ',')).toEqual([['x', 'y']]);
  });

  it('nests data by folder and never writes to an object\'s prototype', () => {
    const data: Record<string, unknown> = {};
    insertData(data, ['limits', 'queue'], { max: 1 });
    insertData(data, ['crew'], ['a']);
    insertData(data, ['__proto__', 'polluted'], true);
    expect(data).toEqual({ limits: { queue: { max: 1 } }, crew: ['a'] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(valueOf(parseDataFile('__proto__,x\n1,2\n', '_data/p.csv'))).toEqual([{ x: '2' }]);
  });
});
