import { describe, expect, it } from 'vitest';
import {
  coerceParam,
  compileModelSql,
  expandEv,
  findingSql,
  inlineParams,
  paramLiteral,
  parseTemplate,
} from './compile-model.ts';

describe('compile-model', () => {
  it('checks parameter types', () => {
    expect(coerceParam('int', '5')).toEqual({ ok: true, value: 5 });
    expect(coerceParam('int', '5.5').ok).toBe(false);
    expect(coerceParam('money', '1,000.5')).toEqual({ ok: true, value: '1000.5' });
    expect(coerceParam('date', '2023-02-30').ok).toBe(false);
    expect(coerceParam('list', 'a, b，c')).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(coerceParam('boolean', 'maybe').ok).toBe(false);
  });

  it('renders typed literals and escapes text', () => {
    expect(paramLiteral('date', '2024-01-01')).toBe("DATE '2024-01-01'");
    expect(paramLiteral('text', "O'Brien")).toBe("'O''Brien'");
    expect(paramLiteral('list', ['a'])).toBe("['a']::VARCHAR[]");
  });

  it('inlines $params outside strings and comments and reports unknown ones', () => {
    const r = inlineParams('SELECT $a, \'$a\', "$a" -- $a\n, $b', { a: '1' });
    expect(r.sql).toBe('SELECT 1, \'$a\', "$a" -- $a\n, $b');
    expect(r.unknown).toEqual(['b']);
  });

  it('drops spaces that YAML folding puts between Chinese words and parses filters', () => {
    expect(parseTemplate('案于 {{closed_date}} 终本，\n 金额{{x|money}}')).toEqual([
      '案于',
      { field: 'closed_date' },
      '终本，金额',
      { field: 'x', filter: 'money' },
    ]);
  });

  it('wraps the rule with priority and summary', () => {
    const { sql, unknownParams } = compileModelSql({
      sql: 'SELECT 1 AS n WHERE n < $max;',
      finding: 'n={{n}}',
      priority: { 高: 'n > $max', default: '低' },
      literals: { max: '3' },
    });
    expect(unknownParams).toEqual([]);
    expect(sql).toContain('WHERE n < 3');
    expect(sql).toContain("CASE WHEN n > 3 THEN '高' WHEN false THEN '中' ELSE '低' END");
  });

  it('spells out ev() outside strings and comments, and leaves other names alone', () => {
    expect(expandEv("SELECT ev('vehicles', v), 'ev(''x'', y)', my_ev('a', b) -- ev('c', d)")).toBe(
      "SELECT {'dataset': 'vehicles', 'batch_id': v._batch_id, 'file': v._file, 'row': v._row}, " +
        "'ev(''x'', y)', my_ev('a', b) -- ev('c', d)",
    );
  });

  it('sorts a |list field, so the sentence does not depend on the input order', () => {
    expect(findingSql('{{names|list}}')).toContain('list_sort(list_distinct(lead."names"))');
  });
});
