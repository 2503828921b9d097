import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../core/event.js';
import { setUrlFields } from './url.js';

function url(original: string, schemelessHost = false): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  setUrlFields(out, original, { schemelessHost });
  return out;
}

describe('url fields', () => {
  it('splits an absolute URL into scheme, domain, port, path, query, fragment and extension', () => {
    expect(url('HTTPS://User:pw@Shop.Example.com:8443/a/b/report.PDF?x=1&y=2#top')).toEqual({
      'url.original': 'HTTPS://User:pw@Shop.Example.com:8443/a/b/report.PDF?x=1&y=2#top',
      'url.scheme': 'https',
      'url.domain': 'shop.example.com',
      'url.port': 8443,
      'url.path': '/a/b/report.PDF',
      'url.query': 'x=1&y=2',
      'url.fragment': 'top',
      'url.extension': 'pdf',
    });
  });

  it('keeps the brackets of an IPv6 host and gives a bare authority the path "/"', () => {
    expect(url('http://[2001:db8::1]:8080')).toMatchObject({
      'url.domain': '[2001:db8::1]',
      'url.port': 8080,
      'url.path': '/',
    });
  });

  it('reads a path-only URL and leaves a dot in a directory name out of the extension', () => {
    const out = url('/v1.2/items/?q');
    expect(out).toEqual({ 'url.original': '/v1.2/items/?q', 'url.path': '/v1.2/items/', 'url.query': 'q' });
  });

  it('reads a schemeless URL as host first only when told to', () => {
    expect(url('files.example.com:443', true)).toEqual({
      'url.original': 'files.example.com:443',
      'url.domain': 'files.example.com',
      'url.port': 443,
    });
    expect(url('www.example.com/join/', true)).toMatchObject({
      'url.domain': 'www.example.com',
      'url.path': '/join/',
    });
    expect(url('error:invalid-request')).toEqual({ 'url.original': 'error:invalid-request' });
  });

  it('writes nothing for "-" or an empty URL', () => {
    expect(url('-')).toEqual({});
    expect(url('')).toEqual({});
  });
});
