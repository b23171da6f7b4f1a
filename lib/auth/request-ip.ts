/** Client IP as the proxy in front of us reports it; 'unknown' when there is none (local). */
export function ipFrom(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip') || 'unknown';
}
