import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const request = (path: string) => new NextRequest(`http://localhost${path}`);

describe('proxy', () => {
  it('answers 400 to a path whose percent-encoding is not UTF-8, before routing fails on it', () => {
    for (const path of ['/seeds/%ED%A0%80', '/api/v1/needs/%ED%A0%80', '/needs/%FF', '/seeds/%E0%A4%A']) {
      expect(proxy(request(path)).status, path).toBe(400);
    }
    expect(proxy(request('/seeds/%E9%9B%BB')).status).toBe(200);
  });

  it('sets a nonce-based Content-Security-Policy, a fresh nonce per request', () => {
    const policies = [proxy(request('/seeds')), proxy(request('/seeds'))].map(
      (r) => r.headers.get('content-security-policy') ?? '',
    );
    for (const policy of policies) {
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"])
        expect(policy).toContain(directive);
      expect(policy).not.toContain('unsafe-inline');
    }
    const nonce = (p: string) => /'nonce-([^']+)'/.exec(p)?.[1];
    expect(nonce(policies[0])).not.toBe(nonce(policies[1]));
  });
});
