// What scripts/seed-e2e-listings.ts seeds for the specs whose subject starts after listings were posted and
// published, or a pair proposed: the state is made with the project's own code before the server starts
// (the embedded database is one process's), and the browser kept for the behaviour under test. Each
// listing carries a word no other listing contains (letters only, so stemming leaves it alone), so specs
// running beside these never touch their data. A spec run again on the same server finds them as the
// first run left them.

/** e2e/interest.spec.ts, the journey from a match card: the SME's need and the researcher's seed, published. */
export const INTEREST_JOURNEY = {
  word: 'zqhdjagfbex',
  need: {
    title: '圧電センサーで金型の割れを予兆検知したい zqhdjagfbex',
    summary: 'プレス金型の割れを圧電センサーの振動波形から予兆検知し、停止前に交換したい。zqhdjagfbex',
    keywords: ['zqhdjagfbex', '圧電センサー', '金型'],
    /** what the need can accept: compared with the seed's terms in the match's reasons */
    acceptRoyaltyMaxPct: 5,
  },
  seed: {
    title: '圧電センサーによる金型割れの予兆検知 zqhdjagfbex',
    summary: '圧電センサーの振動波形からプレス金型の割れを予兆検知する技術。zqhdjagfbex',
    keywords: ['zqhdjagfbex', '圧電センサー', '金型'],
    royaltyMinPct: 2,
    royaltyMaxPct: 4,
  },
} as const;

/** e2e/interest.spec.ts, the trading firm's sales channel: the researcher's seed, published. */
export const SALES_CHANNEL_SEED = {
  word: 'zqcgaeibdjx',
  title: '小型風力発電機のブレード設計 zqcgaeibdjx',
  summary: '低風速でも回る小型風力発電機のブレード設計。zqcgaeibdjx',
  keywords: ['zqcgaeibdjx', '風力発電'],
} as const;

/**
 * e2e/introductions-after.spec.ts: demo needs and seeds (scripts/seed/demo-listings.ts) the demo coordinator
 * has proposed to each other (or the engine had), waiting in the queue for the bulk decisions. Other
 * pairs than e2e/introductions.spec.ts's, so both can run at once.
 */
export const PROPOSED_PAIRS = {
  A: {
    need: 'アルミダイカスト部品の鋳巣（ポロシティ）不良を半減したい',
    seed: '鋳造シミュレーションと機械学習によるダイカスト鋳巣の予測',
  },
  B: {
    need: 'Low-cost in-line inspection of weld beads on small steel frames',
    seed: 'Laser cladding repair of worn die-casting moulds',
  },
  C: {
    need: 'Cutting factory peak power demand with battery storage control',
    seed: '硫化物系固体電解質による全固体電池の急速充電技術',
  },
  D: {
    need: '射出成形金型の冷却時間を短縮したい（コンフォーマル冷却）',
    seed: '金属3D積層造形によるコンフォーマル冷却金型',
  },
} as const;
