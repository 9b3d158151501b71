import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('safeNext', () => {
  it('keeps paths of this app, with their search', () => {
    expect(safeNext('/organisation?unit=7')).toBe('/organisation?unit=7');
    expect(safeNext('/')).toBe('/');
  });

  it('drops other sites, odd values and the sign-in pages themselves', () => {
    expect(safeNext('https://evil.example/')).toBeUndefined();
    expect(safeNext('//evil.example/')).toBeUndefined();
    expect(safeNext('/\\evil.example')).toBeUndefined();
    expect(safeNext('organisation')).toBeUndefined();
    expect(safeNext(42)).toBeUndefined();
    expect(safeNext('/sign-in?next=/')).toBeUndefined();
    expect(safeNext('/set-password#token=x')).toBeUndefined();
  });
});
