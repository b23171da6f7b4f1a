import { describe, expect, it } from 'vitest';
import { needSchema, searchParamsSchema } from '@/lib/listings/validation';
import { canonicalPrefecture, PREFECTURE_CODES, prefectureName } from './prefectures';

describe('prefectures', () => {
  it('stores what people type in either language as the romanised name', () => {
    expect(
      ['愛知県', '愛知', ' aichi ', 'Aichi-ken', 'AICHI Prefecture', 'ａｉｃｈｉ'].map(canonicalPrefecture),
    ).toEqual(Array(6).fill('Aichi'));
    expect(['東京都', '東京', 'Tokyo-to'].map(canonicalPrefecture)).toEqual(['Tokyo', 'Tokyo', 'Tokyo']);
    expect(['京都府', '京都', 'Kyoto-fu'].map(canonicalPrefecture)).toEqual(['Kyoto', 'Kyoto', 'Kyoto']);
    expect(['Ōsaka', '大阪府', 'Hyōgo', 'Hyougo', 'Ōita', 'Kōchi', '北海道'].map(canonicalPrefecture)).toEqual([
      'Osaka',
      'Osaka',
      'Hyogo',
      'Hyogo',
      'Oita',
      'Kochi',
      'Hokkaido',
    ]);
  });

  it('keeps anything that is not a prefecture as typed', () => {
    expect(canonicalPrefecture('  Bavaria ')).toBe('Bavaria');
    expect(canonicalPrefecture('関西')).toBe('関西');
    expect(canonicalPrefecture('')).toBe('');
  });

  it('every prefecture round-trips through its Japanese name', () => {
    expect(PREFECTURE_CODES).toHaveLength(47);
    for (const code of PREFECTURE_CODES) expect(canonicalPrefecture(prefectureName(code, 'ja'))).toBe(code);
  });

  it('shows the Japanese name on Japanese pages and the stored value otherwise', () => {
    expect(prefectureName('Aichi', 'ja')).toBe('愛知県');
    expect(prefectureName('Aichi', 'en')).toBe('Aichi');
    expect(prefectureName('Bavaria', 'ja')).toBe('Bavaria');
  });
});

describe('prefectures in forms, imports and search links', () => {
  it('a listing saved with 愛知県 is stored as Aichi, and ?prefecture=愛知県 searches Aichi', () => {
    const need = needSchema.parse({
      intent: 'draft',
      language: 'ja',
      title: 't',
      summary: 's',
      domain: 'it',
      prefecture: '愛知県',
      visibility: 'members',
    });
    expect(need.prefecture).toBe('Aichi');
    expect(searchParamsSchema.parse({ prefecture: '愛知県' }).prefecture).toBe('Aichi');
  });
});
