import { describe, expect, it } from 'vitest';
import { explainDuckDbError } from './duckdb-errors.ts';

const S = '模型 U1 运行时';

describe('explainDuckDbError', () => {
  it.each([
    [
      'Binder Error: Referenced column "plate_no" not found in FROM clause!',
      '引用了不存在的列 plate_no',
    ],
    [
      'Catalog Error: Table with name vehicle does not exist!\nDid you mean "vehicles"?',
      '引用了不存在的表 vehicle',
    ],
    [
      'Catalog Error: Scalar Function with name to_datee does not exist!',
      '调用了不存在的函数 to_datee',
    ],
    [
      'Binder Error: Table "l" does not have a column named "bought_on"\n\nLINE 1: select l.bought_on',
      '引用了不存在的列 bought_on',
    ],
    [
      'Binder Error: Could not choose a best candidate function for the function call "+(INTEGER, STRING_LITERAL)"',
      '参数类型不匹配',
    ],
    ["Conversion Error: Could not convert string '330102张三' to INT32", '数据类型转换失败'],
    [
      'Out of Memory Error: failed to allocate data of size 2.0 GiB (3.9 GiB/4.0 GiB used)',
      '内存不足',
    ],
    ['Invalid Input Error: Malformed JSON at byte 3', '输入数据格式不正确'],
    ['Parser Error: syntax error at or near "FORM"', 'SQL 语法错误'],
    ['Something new happened', '数据库执行失败'],
  ])('%s', (message, expected) => {
    const said = explainDuckDbError(S, message);
    expect(said).toContain(expected);
    expect(said.startsWith(S)).toBe(true);
    // No English sentence and never a quoted value (it may be a person's ID or name).
    expect(said).not.toMatch(/Error|Could not|convert|张三|330102/);
  });
});
