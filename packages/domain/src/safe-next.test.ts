import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('safeNext', () => {
  it('keeps paths of this app, with their search and hash', () => {
    expect(safeNext('/organisation?unit=7')).toBe('/organisation?unit=7');
    expect(safeNext('/')).toBe('/');
    expect(safeNext('/sessions?month=2026-09#list')).toBe('/sessions?month=2026-09#list');
    expect(safeNext('/staff?q=%E5%B1%B1%E7%94%B0')).toBe('/staff?q=%E5%B1%B1%E7%94%B0');
  });

  it.each([
    'https://evil.example/',
    'HTTPS://evil.example/',
    'http:evil.example',
    '//evil.example/',
    '///evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    ' //evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '%2F%2Fevil.example',
    '/%2F/evil.example',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%09/evil.example',
    '/%252F%252Fevil.example',
    '/%25252F%25252Fevil.example',
    '/..//evil.example',
    '/./%2E%2E//evil.example',
    '/%E0%A4%A',
    'organisation',
    '',
  ])('refuses %j', (value) => {
    expect(safeNext(value)).toBeUndefined();
  });

  it('refuses odd values and the sign-in pages themselves', () => {
    expect(safeNext(42)).toBeUndefined();
    expect(safeNext(['/'])).toBeUndefined();
    expect(safeNext('/sign-in?next=/')).toBeUndefined();
    expect(safeNext('/set-password#token=x')).toBeUndefined();
    expect(safeNext(`/${'a'.repeat(3000)}`)).toBeUndefined();
  });
});
