import { describe, expect, it } from 'vitest';
import {
  coerceParam,
  compileModelSql,
  expandEv,
  findingSql,
  paramNames,
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

  it('finds $params outside strings, quoted names and comments', () => {
    expect(paramNames('SELECT $a, \'$x\', "$y" -- $z\n, $b /* $w */, $a')).toEqual(['a', 'b']);
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
    const { sql, params, high, medium } = compileModelSql({
      sql: 'SELECT 1 AS n WHERE n < $max;',
      finding: 'n={{n}}',
      priority: { 高: 'n > $min', default: '低' },
    });
    // Parameters stay placeholders: values are bound when the query runs.
    expect(params).toEqual(['max', 'min']);
    expect(sql).toContain('WHERE n < $max\n)');
    expect(sql).toContain("CASE WHEN n > $min THEN '高' WHEN false THEN '中' ELSE '低' END");
    expect([high, medium]).toEqual(['n > $min', 'false']);
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
