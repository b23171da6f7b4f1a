/**
 * A form's one-time key for one submission (a random UUID v4): the server makes one record per
 * key, so a double click, a retried request or two submissions at once make one, not two.
 * Built from getRandomValues, which (unlike crypto.randomUUID) works over plain HTTP too.
 */
export function newRequestKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
