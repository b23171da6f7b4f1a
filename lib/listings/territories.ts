// Territories of a licence or a sales channel: pure, shared by the forms, the schemas and the pages.
import { japanRegions, overseasCountries, type TerritoryCode } from '@/db/vocabulary/listings';
import { PREFECTURE_CODES, prefectureName } from '@/lib/prefectures';

/** Every territory a form offers, widest first: worldwide, Japan, its regions, its prefectures, countries. */
export const territoryCodes: readonly TerritoryCode[] = [
  'worldwide',
  'japan',
  ...japanRegions.map((r) => `region:${r}`),
  ...PREFECTURE_CODES.map((p) => `pref:${p}`),
  ...overseasCountries.map((c) => `country:${c}`),
];
const known = new Set(territoryCodes);

export function isTerritoryCode(code: string): boolean {
  return known.has(code);
}

export type TerritoryGroup = 'wide' | 'regions' | 'prefectures' | 'countries';

export function territoryGroup(code: TerritoryCode): TerritoryGroup {
  if (code.startsWith('region:')) return 'regions';
  if (code.startsWith('pref:')) return 'prefectures';
  if (code.startsWith('country:')) return 'countries';
  return 'wide';
}

/**
 * A territory as a reader sees it. `label` translates the wide ones, the regions and the countries
 * (messages `territories.worldwide`, `territories.japan`, `territories.regions.<r>`,
 * `territories.countries.<ISO code>`); prefectures are place names (data), named by locale.
 */
export function territoryName(code: TerritoryCode, locale: string, label: (key: string) => string): string {
  if (code.startsWith('pref:')) return prefectureName(code.slice(5), locale);
  // From the messages, not Intl.DisplayNames: the server's and each browser's ICU name some countries
  // differently (Node: 中華人民共和国香港特別行政区, Chromium: 香港), which broke hydration of the forms.
  if (code.startsWith('country:')) return label(`countries.${code.slice(8)}`);
  if (code.startsWith('region:')) return label(`regions.${code.slice(7)}`);
  return label(code);
}
