import { describe, expect, it } from 'vitest';
import en from '@/messages/en/listings.json';
import ja from '@/messages/ja/listings.json';
import { overseasCountries } from '@/db/vocabulary/listings';
import { territoryName } from './territories';

const labelFrom = (messages: Record<string, unknown>) => (key: string) =>
  key.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown>)?.[part], messages) as string;

describe('territoryName', () => {
  it('names every country from the messages in both languages, the same on the server and in any browser', () => {
    for (const [locale, messages] of [
      ['ja', ja],
      ['en', en],
    ] as const) {
      const label = labelFrom(messages.territories);
      for (const iso of overseasCountries) {
        const name = territoryName(`country:${iso}`, locale, label);
        expect(name, `${locale} ${iso}`).toBe(messages.territories.countries[iso]);
        expect(name.length).toBeGreaterThan(1);
      }
    }
    // the name a reader expects, not ICU's long form (Node says 中華人民共和国香港特別行政区)
    expect(territoryName('country:HK', 'ja', labelFrom(ja.territories))).toBe('香港');
    expect(territoryName('country:HK', 'en', labelFrom(en.territories))).toBe('Hong Kong');
  });

  it('names prefectures, regions and the wide territories', () => {
    const label = labelFrom(ja.territories);
    expect(territoryName('pref:Aichi', 'ja', label)).toBe('愛知県');
    expect(territoryName('region:kanto', 'ja', label)).toBe('関東地方');
    expect(territoryName('worldwide', 'ja', label)).toBe('全世界');
  });
});
