/**
 * Japan's 47 prefectures. The romanised name is what we store and what filters compare; the
 * Japanese name is what Japanese pages show (place names, like organisation names, are data
 * with a name per language rather than interface messages).
 */
export const PREFECTURES = [
  ['Hokkaido', '北海道'],
  ['Aomori', '青森県'],
  ['Iwate', '岩手県'],
  ['Miyagi', '宮城県'],
  ['Akita', '秋田県'],
  ['Yamagata', '山形県'],
  ['Fukushima', '福島県'],
  ['Ibaraki', '茨城県'],
  ['Tochigi', '栃木県'],
  ['Gunma', '群馬県'],
  ['Saitama', '埼玉県'],
  ['Chiba', '千葉県'],
  ['Tokyo', '東京都'],
  ['Kanagawa', '神奈川県'],
  ['Niigata', '新潟県'],
  ['Toyama', '富山県'],
  ['Ishikawa', '石川県'],
  ['Fukui', '福井県'],
  ['Yamanashi', '山梨県'],
  ['Nagano', '長野県'],
  ['Gifu', '岐阜県'],
  ['Shizuoka', '静岡県'],
  ['Aichi', '愛知県'],
  ['Mie', '三重県'],
  ['Shiga', '滋賀県'],
  ['Kyoto', '京都府'],
  ['Osaka', '大阪府'],
  ['Hyogo', '兵庫県'],
  ['Nara', '奈良県'],
  ['Wakayama', '和歌山県'],
  ['Tottori', '鳥取県'],
  ['Shimane', '島根県'],
  ['Okayama', '岡山県'],
  ['Hiroshima', '広島県'],
  ['Yamaguchi', '山口県'],
  ['Tokushima', '徳島県'],
  ['Kagawa', '香川県'],
  ['Ehime', '愛媛県'],
  ['Kochi', '高知県'],
  ['Fukuoka', '福岡県'],
  ['Saga', '佐賀県'],
  ['Nagasaki', '長崎県'],
  ['Kumamoto', '熊本県'],
  ['Oita', '大分県'],
  ['Miyazaki', '宮崎県'],
  ['Kagoshima', '鹿児島県'],
  ['Okinawa', '沖縄県'],
] as const;

export type Prefecture = (typeof PREFECTURES)[number][0];
export const PREFECTURE_CODES: readonly Prefecture[] = PREFECTURES.map(([code]) => code);

const japaneseStem = (s: string) => (s === '北海道' ? s : s.replace(/[都府県]$/, ''));
const latinKey = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // Ōsaka → Osaka, Hyōgo → Hyogo
    .toLowerCase()
    .replace(/\s*prefecture$|[\s-]+(ken|fu|to)$/, '')
    .replace(/ou/g, 'o') // Hyougo, Ooita, Kouchi
    .replace(/oo/g, 'o')
    .replace(/[^a-z]/g, '');
const byKey = new Map<string, Prefecture>(
  PREFECTURES.flatMap(([code, ja]) => [
    [ja, code] as const,
    [japaneseStem(ja), code] as const,
    [latinKey(code), code] as const,
  ]),
);

/**
 * The stored form of a prefecture as people type it — 愛知県, 愛知, aichi, Aichi-ken, Ōsaka —
 * so that a listing imported from a Japanese spreadsheet is found by the prefecture filter.
 * Anything else (a region, a place abroad) is kept as typed.
 */
export function canonicalPrefecture(input: string): string {
  const text = input.normalize('NFKC').trim();
  if (!text) return text;
  return byKey.get(text) ?? byKey.get(japaneseStem(text)) ?? byKey.get(latinKey(text)) ?? text;
}

/** A stored prefecture as a page in `locale` shows it. */
export function prefectureName(value: string, locale: string): string {
  if (locale !== 'ja') return value;
  return PREFECTURES.find(([code]) => code === value)?.[1] ?? value;
}
