import { describe, expect, it } from 'vitest';
import { ipFrom } from './request-ip';

const h = (init: Record<string, string>) => new Headers(init);

describe('client address', () => {
  it('without a trusted proxy: the socket, never what the client writes in X-Forwarded-For', () => {
    const headers = h({
      'x-forwarded-for': '203.0.113.9',
      'x-real-ip': '203.0.113.8',
      'x-clustermatch-socket-address': '192.0.2.1',
    });
    expect(ipFrom(headers, 0)).toBe('192.0.2.1');
    expect(ipFrom(h({ 'x-forwarded-for': '203.0.113.9' }), 0)).toBe('unknown');
  });

  it('behind N trusted proxies: the entry the outermost one appended, not the client’s own claims', () => {
    const headers = h({
      'x-forwarded-for': '6.6.6.6, 198.51.100.7, 10.0.0.2',
      'x-clustermatch-socket-address': '10.0.0.3',
    });
    expect(ipFrom(headers, 1)).toBe('10.0.0.2');
    expect(ipFrom(headers, 2)).toBe('198.51.100.7');
    expect(ipFrom(h({ 'x-clustermatch-socket-address': '10.0.0.3' }), 1)).toBe('10.0.0.3');
  });
});
