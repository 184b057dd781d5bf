import { describe, expect, it } from 'vitest';
import { errorStatus, fieldErrors, normalizeField, toProblem } from './problem';

describe('problem details', () => {
  it('reads RFC 7807 bodies and normalizes field names', () => {
    const problem = toProblem({
      status: 400,
      data: { title: 'Invalid', status: 400, errors: { Email: ['Bad email.'], '$.password': ['Too short.', 'Weak.'] } },
    });
    expect(problem?.title).toBe('Invalid');
    expect(fieldErrors(problem)).toEqual({ email: 'Bad email.', password: 'Too short. Weak.' });
  });

  it('returns null for network failures', () => {
    const error = { status: 'FETCH_ERROR' as const, error: 'TypeError: failed' };
    expect(toProblem(error)).toBeNull();
    expect(errorStatus(error)).toBeNull();
  });

  it('normalizes nested names', () => {
    expect(normalizeField('User.DisplayName')).toBe('displayName');
  });
});
