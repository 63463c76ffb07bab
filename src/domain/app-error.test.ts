import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, exitCodeOf, isUserError } from './app-error.ts';

describe('error-code table', () => {
  it('takes the status and exit class from the code', () => {
    const e = new AppError('MODEL_NOT_FOUND', '模型 M99 不存在');
    expect(e.status).toBe(404);
    expect(exitCodeOf(e)).toBe(1);
    expect(isUserError(e)).toBe(true);
    expect(exitCodeOf(new AppError('USAGE', '--limit 应为正整数'))).toBe(2);
  });

  it('treats internal codes and foreign errors as bugs', () => {
    const e = new AppError('INTERNAL', '内部错误');
    expect(e.status).toBe(500);
    expect(isUserError(e)).toBe(false);
    expect(exitCodeOf(new Error('boom'))).toBe(1);
    expect(exitCodeOf('boom')).toBe(1);
  });

  it('never gives a user-caused code a 5xx other than 501, nor an internal one a 4xx', () => {
    for (const [code, kind] of Object.entries(ERROR_CODES)) {
      if (kind.exit === 'internal') expect(kind.status, code).toBe(500);
      else expect(kind.status === 501 || kind.status < 500, code).toBe(true);
      if (kind.exit === 'usage') expect(kind.status, code).toBe(400);
    }
  });

  it('files users write (models, fixtures, mappings) are user errors', () => {
    for (const code of ['MODEL_INVALID', 'FIXTURE_INVALID', 'MAPPING_FILE'] as const) {
      expect(ERROR_CODES[code].exit, code).toBe('user');
    }
  });
});
