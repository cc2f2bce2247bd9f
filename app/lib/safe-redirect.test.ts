import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './safe-redirect.js';

describe('safeRedirectPath', () => {
  it('keeps paths on this site, with their query and fragment', () => {
    expect(safeRedirectPath('/employer/slots?x=1')).toBe('/employer/slots?x=1');
    expect(safeRedirectPath('/candidate/offers?type=igu#list', '/')).toBe('/candidate/offers?type=igu#list');
    // Encoded characters stay encoded: a browser does not turn %2F%2F into a host.
    expect(safeRedirectPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });

  it('turns an absolute URL of the site itself into its path, and refuses one of another site', () => {
    expect(safeRedirectPath('http://localhost:3000/consultant?q=1', '/', 'http://localhost:3000')).toBe('/consultant?q=1');
    expect(safeRedirectPath('http://localhost:3001/consultant', '/', 'http://localhost:3000')).toBe('/');
    expect(safeRedirectPath('https://localhost:3000/consultant', '/', 'http://localhost:3000')).toBe('/');
  });

  it.each([
    ['another host', 'https://evil.example'],
    ['protocol-relative', '//evil.example'],
    ['backslash', '/\\evil.example'],
    ['backslashes only', '\\\\evil.example'],
    ['tab (browsers drop it: //evil.example)', '/\t/evil.example'],
    ['newline', '/\n/evil.example'],
    ['carriage return', '/\r/evil.example'],
    ['NUL', '/\u0000/evil.example'],
    ['dot segment to a protocol-relative path', '/.//evil.example'],
    ['dot-dot segment to a protocol-relative path', '/..//evil.example'],
    ['scheme without slashes', 'https:evil.example'],
    ['javascript', 'javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['blank', '   '],
    ['empty', ''],
  ])('refuses %s', (_label, value) => {
    expect(safeRedirectPath(value, '/candidate', 'http://localhost:3000')).toBe('/candidate');
  });

  it('falls back when there is no value', () => {
    expect(safeRedirectPath(undefined, '/candidate')).toBe('/candidate');
    expect(safeRedirectPath(null, '/candidate')).toBe('/candidate');
    expect(safeRedirectPath(['/a'], '/candidate')).toBe('/candidate');
  });
});
