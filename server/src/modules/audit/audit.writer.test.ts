import { describe, expect, it } from 'vitest';
import { diffRecords } from './audit.writer';

describe('audit diff', () => {
  it('keeps only changed fields on an update', () => {
    const d = diffRecords({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: 2 });
    expect(d).toEqual({ before: { b: 'x', c: null }, after: { b: 'y', c: 2 } });
  });
  it('keeps everything on a create and redacts secrets', () => {
    const d = diffRecords(null, { name: 'n', password_hash: '$argon2id$…', token_hash: 'abc' });
    expect(d.before).toBeNull();
    expect(d.after).toEqual({ name: 'n', password_hash: '[redacted]', token_hash: '[redacted]' });
  });
  it('compares nested values by content', () => {
    const d = diffRecords({ tags: ['a'] }, { tags: ['a'] });
    expect(d).toEqual({ before: {}, after: {} });
  });
});
