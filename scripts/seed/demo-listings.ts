import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { organisations, users } from '@/db/schema/accounts';
import { ipRecords, needs, seeds } from '@/db/schema/listings';
import { strongestIpStatus } from '@/lib/listings/rules';
import { buildSearchText } from '@/lib/listings/search-text';
import { demoOrganisations } from './demo-data';
import { upsertProposals } from '@/lib/matching/proposals';
import { rankForListing } from '@/lib/matching/retrieve';
import { indexListings, pruneIndex, rebuildCorpusStats, reweigh } from '@/lib/matching/store';
import { PROPOSAL_SETTINGS } from '@/lib/matching/weights';

type Status = 'open' | 'pending_review' | 'draft';
type Ip = {
  number?: string;
  jurisdiction: string;
  status: 'unpublished_application' | 'filed' | 'granted' | 'expired';
  title: string;
  filedOn?: string;
  grantedOn?: string;
};

type DemoNeed = {
  org: string;
  by: string; // e-mail of the creator (the contact when they belong to the organisation)
  language: 'ja' | 'en';
  title: string;
  summary: string;
  details: string;
  domain: 'manufacturing' | 'it' | 'biotech' | 'environment_energy';
  keywords: string[];
  trlMin?: number;
  trlMax?: number;
  budgetMinJpy?: number;
  budgetMaxJpy?: number;
  timeline?: string;
  partnerKinds?: ('university' | 'research_institute' | 'tlo' | 'trading_firm' | 'financial_institution')[];
  visibility?: 'members' | 'anonymous' | 'private';
  anonymousLabel?: string;
  status: Status;
  /** days since publication (open listings) */
  age?: number;
};

type DemoSeed = Omit<
  DemoNeed,
  'trlMin' | 'trlMax' | 'budgetMinJpy' | 'budgetMaxJpy' | 'timeline' | 'partnerKinds' | 'visibility' | 'anonymousLabel'
> & {
  trl: number;
  leadResearcher?: string;
  licensing: ('exclusive' | 'non_exclusive' | 'joint_research' | 'assignment')[];
  advantages: string;
  visibility?: 'public_teaser' | 'members' | 'private';
  ip: Ip[];
};

export const demoNeeds: DemoNeed[] = [
  {
    org: 'sme-okazaki',
    by: 'sme@demo.test',
    language: 'ja',
    domain: 'manufacturing',
    status: 'open',
    age: 12,
    title: 'アルミダイカスト部品の鋳巣（ポロシティ）不良を半減したい',
    summary:
      '自動車用アルミダイカストのブラケットで、鋳巣による気密不良が月産4万個のうち約3%発生しています。金型・鋳造条件の見直しで1.5%以下に下げる技術を探しています。',
    details:
      'ADC12、型締力350tのコールドチャンバー機。X線CTの断面データ（約200件）と鋳造条件のログを提供できます。真空ダイカストの導入は設備費の面で難しく、既存設備で実施できる対策を希望します。',
    keywords: ['ダイカスト', '鋳巣', 'die casting', 'porosity', '鋳造シミュレーション'],
    trlMin: 4,
    trlMax: 7,
    budgetMinJpy: 3_000_000,
    budgetMaxJpy: 8_000_000,
    timeline: '12か月以内に量産ラインで検証',
    partnerKinds: ['university', 'research_institute'],
  },
  {
    org: 'sme-okazaki',
    by: 'sme@demo.test',
    language: 'ja',
    domain: 'manufacturing',
    status: 'open',
    age: 350,
    title: '切削工具の摩耗をリアルタイムに検知して交換時期を最適化したい',
    summary:
      'マシニングセンタ12台で工具を一律の加工数で交換しており、まだ使える工具の廃棄と突発的な欠損が両方起きています。摩耗を加工中に推定し、工具費を20%削減したいと考えています。',
    details:
      '被削材はS45CとSUS304、主にエンドミルとドリル。主軸負荷のデータは取得済み。後付けできるセンサーと、現場で使える判定ロジックを求めています。',
    keywords: ['工具摩耗', '状態監視', 'tool wear', 'machining', 'IoT'],
    trlMin: 5,
    trlMax: 8,
    budgetMinJpy: 2_000_000,
    budgetMaxJpy: 5_000_000,
    timeline: '6か月で試験導入',
    partnerKinds: ['university', 'research_institute', 'trading_firm'],
  },
  {
    org: 'sme-okazaki',
    by: 'sme@demo.test',
    language: 'en',
    domain: 'manufacturing',
    status: 'open',
    age: 30,
    visibility: 'anonymous',
    anonymousLabel: 'A precision-machining SME in Aichi (50–299 employees)',
    title: 'Low-cost in-line inspection of weld beads on small steel frames',
    summary:
      'We MIG-weld about 1,500 small steel frames a day and inspect the beads visually. We want an in-line camera or laser system that flags undercut and porosity with at least 95 % recall, for under 5 million yen per line.',
    details:
      'Two welding cells, beads 80–300 mm long, cycle time 40 s. We can provide 3,000 labelled photos of good and defective beads.',
    keywords: ['weld inspection', 'machine vision', '溶接', '外観検査'],
    trlMin: 5,
    trlMax: 8,
    budgetMinJpy: 2_000_000,
    budgetMaxJpy: 5_000_000,
    timeline: 'Pilot within 9 months',
    partnerKinds: ['university', 'trading_firm'],
  },
  {
    org: 'sme-gifu-mold',
    by: 'coordinator@demo.test',
    language: 'en',
    domain: 'manufacturing',
    status: 'open',
    age: 45,
    title: 'Recycled polypropylene compound with a stable melt flow for injection moulding',
    summary:
      'Customers ask for 30 % post-consumer recycled PP in housings, but the melt flow rate of recycled lots varies by ±40 %, causing short shots and sink marks. We need an additive or blending method that keeps MFR within ±10 %.',
    details: 'Parts: appliance housings, 200–600 g. Current scrap rate with recycled content is 8 %; target under 2 %.',
    keywords: ['recycled polypropylene', 'melt flow rate', '再生プラスチック', '射出成形'],
    trlMin: 3,
    trlMax: 6,
    budgetMinJpy: 1_000_000,
    budgetMaxJpy: 4_000_000,
    timeline: 'Trial moulding in 6 months',
    partnerKinds: ['university', 'tlo'],
  },
  {
    org: 'sme-gifu-mold',
    by: 'coordinator@demo.test',
    language: 'ja',
    domain: 'manufacturing',
    status: 'open',
    age: 8,
    title: '射出成形金型の冷却時間を短縮したい（コンフォーマル冷却）',
    summary:
      '成形サイクルの6割を冷却時間が占めています。金属3Dプリンタによる3次元冷却水管で、冷却時間を30%短縮できる金型設計・製作のパートナーを探しています。',
    details: '対象は家電向け外装部品の金型（NAK80）。金型の一部入れ子のみの置き換えでも可。',
    keywords: ['金型', 'コンフォーマル冷却', 'conformal cooling', '3Dプリンタ'],
    trlMin: 5,
    trlMax: 8,
    budgetMinJpy: 3_000_000,
    budgetMaxJpy: 10_000_000,
    timeline: '2026年度内',
    partnerKinds: ['research_institute', 'university'],
  },
  {
    org: 'sme-gifu-mold',
    by: 'coordinator@demo.test',
    language: 'en',
    domain: 'environment_energy',
    status: 'pending_review',
    title: 'Recovering waste heat from injection moulding machines',
    summary:
      'Our 25 moulding machines reject about 400 kW of low-grade heat (40–70 °C) through cooling towers. We look for a way to reuse it for drying resin or heating the office, cutting gas use by 25 %.',
    details: 'Mould temperature controllers and hydraulic oil coolers are the main heat sources.',
    keywords: ['waste heat recovery', 'heat pump', '排熱回収'],
    trlMin: 6,
    trlMax: 9,
    budgetMinJpy: 5_000_000,
    budgetMaxJpy: 20_000_000,
    timeline: 'Within 18 months',
    partnerKinds: ['university', 'financial_institution'],
  },
  {
    org: 'sme-osaka-food',
    by: 'sme2@demo.test',
    language: 'ja',
    domain: 'biotech',
    status: 'open',
    age: 20,
    title: '発酵食品の賞味期限を天然由来の保存料で延ばしたい',
    summary:
      '無添加を売りにしたぬか漬けと甘酒の賞味期限が冷蔵14日と短く、量販店への出荷が伸びません。合成保存料を使わずに賞味期限を28日まで延ばす方法を探しています。',
    details: '主な変敗原因は酵母と乳酸菌の過発酵。風味と「無添加」表示を損なわないことが条件です。',
    keywords: ['発酵食品', '保存料', 'natural preservative', 'shelf life', '乳酸菌'],
    trlMin: 3,
    trlMax: 7,
    budgetMinJpy: 1_000_000,
    budgetMaxJpy: 3_000_000,
    timeline: '1年以内に商品化',
    partnerKinds: ['university', 'research_institute'],
  },
  {
    org: 'sme-osaka-food',
    by: 'sme2@demo.test',
    language: 'en',
    domain: 'biotech',
    status: 'open',
    age: 60,
    title: 'Rapid detection of Listeria on food production lines',
    summary:
      'Our culture-based Listeria tests take 3–5 days, so lots are shipped before results arrive. We need an on-site test that gives a result within 4 hours at under 1,000 yen per swab.',
    details: 'About 60 environmental swabs a week from two plants (pickles, amazake).',
    keywords: ['Listeria', 'rapid detection', 'food safety', '食品衛生'],
    trlMin: 5,
    trlMax: 9,
    budgetMinJpy: 500_000,
    budgetMaxJpy: 2_000_000,
    timeline: 'Within 6 months',
    partnerKinds: ['university', 'research_institute', 'trading_firm'],
  },
  {
    org: 'sme-osaka-food',
    by: 'sme2@demo.test',
    language: 'ja',
    domain: 'biotech',
    status: 'open',
    age: 15,
    visibility: 'private',
    title: '醤油粕（しょうゆかす）の有効活用先を探しています',
    summary:
      '年間約120トン出る醤油粕を産業廃棄物として処理しており、処理費が年600万円かかっています。飼料・肥料・機能性素材などへの用途開発の相談先を、コーディネーター経由で探しています。',
    details: '塩分約7%、水分約30%。取引先との関係上、社名は公開したくありません。',
    keywords: ['醤油粕', '未利用資源', 'upcycling', 'soy sauce cake'],
    trlMin: 2,
    trlMax: 6,
    timeline: '2年以内',
    partnerKinds: ['university', 'research_institute', 'trading_firm'],
  },
  {
    org: 'sme-fukuoka-soft',
    by: 'coordinator2@demo.test',
    language: 'en',
    domain: 'it',
    status: 'open',
    age: 25,
    title: 'Edge AI for early fault detection in solar power inverters',
    summary:
      'We maintain 180 small solar plants in Kyushu. Inverter faults are found only after output drops. We want an edge model on a low-cost gateway that predicts faults a week ahead from 1-minute telemetry.',
    details: 'Three years of telemetry (voltage, current, temperature) with 140 recorded fault events are available.',
    keywords: ['edge AI', 'anomaly detection', 'solar inverter', '予知保全', '太陽光発電'],
    trlMin: 4,
    trlMax: 7,
    budgetMinJpy: 2_000_000,
    budgetMaxJpy: 6_000_000,
    timeline: 'Field trial in 2027',
    partnerKinds: ['university'],
  },
  {
    org: 'sme-fukuoka-soft',
    by: 'coordinator2@demo.test',
    language: 'ja',
    domain: 'it',
    status: 'pending_review',
    title: '物流倉庫のピッキング経路を最適化して歩行距離を減らしたい',
    summary:
      '取引先の物流倉庫（約8,000SKU）で、ピッキング作業者の歩行距離が1日15kmに達しています。受注に応じた経路とロケーションの最適化で歩行距離を30%削減したいです。',
    details: 'WMSの出荷実績データ（2年分）を提供可能。既存WMSとAPI連携できること。',
    keywords: ['ピッキング', '経路最適化', 'warehouse', 'optimization'],
    trlMin: 4,
    trlMax: 8,
    budgetMinJpy: 1_500_000,
    budgetMaxJpy: 4_000_000,
    timeline: '6か月で実証',
    partnerKinds: ['university'],
  },
  {
    org: 'sme-okazaki',
    by: 'sme@demo.test',
    language: 'en',
    domain: 'environment_energy',
    status: 'open',
    age: 5,
    title: 'Cutting factory peak power demand with battery storage control',
    summary:
      'Our contracted demand is set by a few 30-minute peaks when presses start together. We want battery storage with predictive control that cuts the peak by 200 kW and pays back within 7 years.',
    details: 'Annual consumption 3.2 GWh; 30-minute demand data for 3 years is available.',
    keywords: ['peak shaving', 'battery storage', 'demand response', '蓄電池', 'ピークカット'],
    trlMin: 6,
    trlMax: 9,
    budgetMinJpy: 10_000_000,
    budgetMaxJpy: 40_000_000,
    timeline: 'Install in 2027',
    partnerKinds: ['university', 'financial_institution', 'trading_firm'],
  },
];

export const demoSeeds: DemoSeed[] = [
  {
    org: 'uni-nagoya-tech',
    by: 'researcher@demo.test',
    language: 'ja',
    domain: 'environment_energy',
    status: 'open',
    age: 40,
    visibility: 'public_teaser',
    title: '硫化物系固体電解質による全固体電池の急速充電技術',
    summary:
      '独自組成の硫化物系固体電解質により、室温でのイオン伝導度12 mS/cmを実現しました。全固体電池で10分間に80%まで充電でき、液系電池と比べて発火リスクがありません。',
    details: '電解質シートの量産プロセス（乾式成膜）も開発中。セル試作は10 mAh級まで。',
    keywords: ['全固体電池', '固体電解質', 'solid-state battery', 'fast charging'],
    trl: 4,
    leadResearcher: '佐藤 健一 教授',
    licensing: ['non_exclusive', 'joint_research'],
    advantages: 'イオン伝導度は従来の酸化物系の約3倍（12 mS/cm）。10分で80%充電、500サイクル後の容量維持率92%。',
    ip: [
      {
        number: '特許第7123456号',
        jurisdiction: 'JP',
        status: 'granted',
        title: '硫化物固体電解質及びその製造方法',
        filedOn: '2020-06-12',
        grantedOn: '2023-02-01',
      },
    ],
  },
  {
    org: 'uni-nagoya-tech',
    by: 'researcher@demo.test',
    language: 'en',
    domain: 'manufacturing',
    status: 'open',
    age: 18,
    title: 'Tool wear monitoring from spindle vibration with retrofit MEMS sensors',
    summary:
      'A retrofit MEMS accelerometer and a light machine-learning model estimate flank wear of end mills during cutting, with a mean error of 20 µm. It runs on a small edge computer beside the machine.',
    details: 'Validated on S45C and SUS304 with 6–12 mm carbide end mills on three machining centres.',
    keywords: ['tool wear', 'condition monitoring', 'vibration', '工具摩耗', '切削加工'],
    trl: 5,
    leadResearcher: 'Prof. Kenichi Sato',
    licensing: ['non_exclusive', 'joint_research'],
    advantages:
      'No change to the machine; 90 % of tool breakages flagged at least 5 minutes ahead; sensor cost under 30,000 yen per spindle.',
    ip: [
      {
        number: 'JP2023-045678',
        jurisdiction: 'JP',
        status: 'filed',
        title: 'Tool wear estimation device and method',
        filedOn: '2023-03-20',
      },
    ],
  },
  {
    org: 'uni-nagoya-tech',
    by: 'researcher@demo.test',
    language: 'ja',
    domain: 'manufacturing',
    status: 'open',
    age: 90,
    title: '鋳造シミュレーションと機械学習によるダイカスト鋳巣の予測',
    summary:
      '湯流れ・凝固シミュレーションの結果と実鋳造条件を機械学習で結びつけ、鋳巣の発生位置を的中率85%で予測します。金型方案と射出条件の改善点を提示します。',
    details: 'ADC12、AC4Cで検証済み。X線CTデータとの照合手法を含みます。',
    keywords: ['ダイカスト', '鋳巣', '鋳造シミュレーション', 'die casting', 'machine learning'],
    trl: 6,
    leadResearcher: '佐藤 健一 教授',
    licensing: ['joint_research', 'non_exclusive'],
    advantages: '鋳巣の発生位置の的中率85%。共同研究先では気密不良率が3.2%から1.1%に低減。',
    ip: [
      {
        number: '特許第7011223号',
        jurisdiction: 'JP',
        status: 'granted',
        title: '鋳造欠陥予測システム',
        filedOn: '2019-09-02',
        grantedOn: '2022-01-18',
      },
    ],
  },
  {
    org: 'uni-nagoya-tech',
    by: 'researcher@demo.test',
    language: 'en',
    domain: 'manufacturing',
    status: 'open',
    age: 10,
    visibility: 'public_teaser',
    title: 'Laser cladding repair of worn die-casting moulds',
    summary:
      'A laser cladding process with a new cobalt-free alloy powder restores worn die-casting moulds, extending mould life by about 2× compared with TIG weld repair.',
    details:
      'Claim 1 covers the alloy composition and the scanning strategy. Confidential until publication of the application.',
    keywords: ['laser cladding', 'mould repair', '金型補修', 'レーザクラッディング'],
    trl: 3,
    leadResearcher: 'Dr. Yui Nakamura',
    licensing: ['exclusive', 'joint_research'],
    advantages: 'Mould life about 2× that of TIG repair in heat-checking tests; no cobalt.',
    ip: [
      {
        number: 'JP2025-110234',
        jurisdiction: 'JP',
        status: 'unpublished_application',
        title: 'Cobalt-free cladding alloy and repair method for dies',
        filedOn: '2025-07-01',
      },
    ],
  },
  {
    org: 'ri-aichi',
    by: 'coordinator@demo.test',
    language: 'ja',
    domain: 'manufacturing',
    status: 'open',
    age: 33,
    title: '金属3D積層造形によるコンフォーマル冷却金型',
    summary:
      '金属積層造形で製品形状に沿った冷却水管を持つ金型入れ子を製作します。射出成形の冷却時間を平均35%短縮し、反りも低減できます。',
    details: 'マルエージング鋼による造形と、既存金型への入れ子組込みのノウハウを提供します。',
    keywords: ['コンフォーマル冷却', '金型', '積層造形', 'conformal cooling', 'additive manufacturing'],
    trl: 7,
    licensing: ['joint_research', 'non_exclusive'],
    advantages: '冷却時間を平均35%短縮（12件の実績）。反り量を40%低減。',
    ip: [
      {
        number: '特許第6987654号',
        jurisdiction: 'JP',
        status: 'granted',
        title: '冷却流路を有する金型入れ子の製造方法',
        filedOn: '2018-11-05',
        grantedOn: '2021-12-10',
      },
    ],
  },
  {
    org: 'ri-aichi',
    by: 'coordinator@demo.test',
    language: 'en',
    domain: 'manufacturing',
    status: 'open',
    age: 70,
    title: 'X-ray CT inspection with automatic classification of casting defects',
    summary:
      'Industrial X-ray CT combined with a deep-learning classifier separates gas porosity, shrinkage and inclusions in aluminium castings, cutting analysis time per part from 2 hours to 10 minutes.',
    details: 'Available as a testing service and as joint development for in-line use.',
    keywords: ['X-ray CT', 'casting defects', 'deep learning', '非破壊検査'],
    trl: 8,
    licensing: ['non_exclusive'],
    advantages: 'Analysis 12× faster; classification accuracy 94 % on 5,000 labelled defects.',
    ip: [
      {
        number: 'JP2022-201122',
        jurisdiction: 'JP',
        status: 'filed',
        title: 'Defect classification for CT images of castings',
        filedOn: '2022-12-16',
      },
    ],
  },
  {
    org: 'uni-kyoto-life',
    by: 'researcher2@demo.test',
    language: 'en',
    domain: 'biotech',
    status: 'open',
    age: 22,
    visibility: 'public_teaser',
    title: 'Natural antimicrobial peptide from lactic acid bacteria for clean-label foods',
    summary:
      'A bacteriocin produced by a lactic acid bacterium isolated from Kyoto pickles inhibits spoilage yeasts and Listeria. Added at 50 ppm it doubled the chilled shelf life of fermented foods in our tests.',
    details: 'Heat-stable to 100 °C; active at pH 3.5–6.5. Production by food-grade fermentation.',
    keywords: ['bacteriocin', 'natural preservative', 'shelf life', '乳酸菌', '保存料'],
    trl: 4,
    leadResearcher: 'Dr. Aiko Tanaka',
    licensing: ['exclusive', 'non_exclusive'],
    advantages:
      'Shelf life 2× at 50 ppm; no off-flavour in sensory tests; qualifies as a fermentation-derived ingredient.',
    ip: [
      {
        number: 'JP7200111',
        jurisdiction: 'JP',
        status: 'granted',
        title: 'Antimicrobial peptide and food preservative containing it',
        filedOn: '2021-02-08',
        grantedOn: '2024-03-15',
      },
    ],
  },
  {
    org: 'uni-kyoto-life',
    by: 'researcher2@demo.test',
    language: 'ja',
    domain: 'biotech',
    status: 'open',
    age: 50,
    title: 'LAMP法による食品工場向けリステリア迅速検出キット',
    summary:
      '拭き取り検体からリステリア属菌を前培養なしで90分以内に検出するLAMP法キットです。特別な装置が不要で、1検体あたりのコストは約600円です。',
    details: '検出限界は10 CFU/100 cm²。現場での試験運用を共同で行える企業を探しています。',
    keywords: ['リステリア', '迅速検出', 'LAMP法', 'Listeria', 'food safety'],
    trl: 6,
    leadResearcher: '田中 愛子 准教授',
    licensing: ['non_exclusive'],
    advantages: '培養法の3〜5日に対し90分で判定。1検体約600円。',
    ip: [
      {
        number: '特願2023-077889',
        jurisdiction: 'JP',
        status: 'filed',
        title: 'リステリア属菌検出用プライマーセット',
        filedOn: '2023-05-10',
      },
    ],
  },
  {
    org: 'uni-kyoto-life',
    by: 'researcher2@demo.test',
    language: 'en',
    domain: 'biotech',
    status: 'pending_review',
    title: 'Enzymatic upcycling of soy sauce cake into feed protein',
    summary:
      'A two-step enzymatic process removes salt and hydrolyses soy sauce cake into a protein-rich feed ingredient with 45 % crude protein.',
    details: 'Pilot scale 50 kg/batch. Looking for food manufacturers with a steady by-product stream.',
    keywords: ['soy sauce cake', 'upcycling', 'enzymatic hydrolysis', '醤油粕', '飼料'],
    trl: 3,
    leadResearcher: 'Dr. Aiko Tanaka',
    licensing: ['joint_research'],
    advantages: 'Salt reduced from 7 % to under 1 %; crude protein 45 %.',
    ip: [
      {
        number: 'JP2024-150001',
        jurisdiction: 'JP',
        status: 'filed',
        title: 'Method for desalting and hydrolysing soy sauce cake',
        filedOn: '2024-08-30',
      },
    ],
  },
  {
    org: 'ri-osaka-bio',
    by: 'coordinator@demo.test',
    language: 'ja',
    domain: 'biotech',
    status: 'open',
    age: 100,
    title: '麹菌由来の酵素による機能性オリゴ糖の製造',
    summary:
      '麹菌が生産する新規糖転移酵素で、整腸作用のあるオリゴ糖をショ糖から収率60%で製造します。既存の酵素法より工程が短く、食品工場の既存設備で製造できます。',
    details: '酵素の固定化により連続生産が可能。ラボスケールで1kg/日。',
    keywords: ['麹菌', '酵素', 'オリゴ糖', 'koji', 'prebiotic'],
    trl: 5,
    licensing: ['non_exclusive', 'joint_research'],
    advantages: '収率60%（従来法の約1.5倍）。反応時間を24時間から8時間に短縮。',
    ip: [
      {
        number: '特許第6899001号',
        jurisdiction: 'JP',
        status: 'granted',
        title: '糖転移酵素及びオリゴ糖の製造方法',
        filedOn: '2017-04-20',
        grantedOn: '2021-06-30',
      },
    ],
  },
  {
    org: 'tlo-kansai',
    by: 'coordinator@demo.test',
    language: 'en',
    domain: 'manufacturing',
    status: 'open',
    age: 28,
    title: 'Biodegradable PLA/PBS blend with high impact strength for moulded parts',
    summary:
      'A compatibiliser developed at a Kansai university gives PLA/PBS blends an Izod impact strength of 12 kJ/m², four times that of plain PLA, while staying compostable.',
    details: 'Processable on standard injection moulding machines at 180–200 °C.',
    keywords: ['biodegradable plastic', 'PLA', 'impact strength', '生分解性プラスチック', '射出成形'],
    trl: 5,
    licensing: ['assignment', 'exclusive'],
    advantages: 'Impact strength 4× that of PLA; heat deflection temperature raised by 15 °C.',
    ip: [
      {
        number: 'JP7055443',
        jurisdiction: 'JP',
        status: 'granted',
        title: 'Resin composition comprising PLA and PBS',
        filedOn: '2019-10-01',
        grantedOn: '2022-08-22',
      },
      {
        number: 'US11555666',
        jurisdiction: 'US',
        status: 'granted',
        title: 'Biodegradable resin composition',
        filedOn: '2020-09-28',
        grantedOn: '2023-01-17',
      },
    ],
  },
  {
    org: 'tlo-kansai',
    by: 'coordinator@demo.test',
    language: 'ja',
    domain: 'manufacturing',
    status: 'open',
    age: 14,
    title: '再生ポリプロピレンの流動性を安定化する添加剤',
    summary:
      'ロットごとにばらつく再生ポリプロピレンのメルトフローレートを、少量の添加剤で±8%以内に揃えます。再生材30%配合でも成形不良を抑えられます。',
    details: '添加量0.5〜1.5wt%。家電外装部品での成形試験データあり。',
    keywords: ['再生ポリプロピレン', 'メルトフローレート', 'recycled polypropylene', '添加剤'],
    trl: 4,
    licensing: ['non_exclusive', 'exclusive'],
    advantages: 'MFRのばらつきを±40%から±8%に低減。成形不良率を8%から1.5%に。',
    ip: [
      {
        number: '特願2024-033221',
        jurisdiction: 'JP',
        status: 'filed',
        title: '再生ポリオレフィン用流動性安定化剤',
        filedOn: '2024-02-27',
      },
    ],
  },
  {
    org: 'uni-kyushu-energy',
    by: 'coordinator2@demo.test',
    language: 'en',
    domain: 'it',
    status: 'open',
    age: 35,
    title: 'Lightweight neural network for fault prediction in PV inverters at the edge',
    summary:
      'A compact 1D-CNN (under 200 kB) runs on a Raspberry-Pi-class gateway and predicts inverter faults 5–10 days ahead from 1-minute telemetry, with 88 % recall on field data.',
    details:
      'Trained on data from 95 plants in Fukuoka and Kumamoto; transfer learning for new sites needs 2 weeks of data.',
    keywords: ['edge AI', 'anomaly detection', 'photovoltaic', 'inverter', '予知保全'],
    trl: 5,
    licensing: ['non_exclusive', 'joint_research'],
    advantages: '88 % recall at 5 % false alarms; model 50× smaller than the cloud baseline.',
    ip: [
      {
        number: 'JP2024-099887',
        jurisdiction: 'JP',
        status: 'filed',
        title: 'Fault prediction device for power conditioners',
        filedOn: '2024-06-14',
      },
    ],
  },
  {
    org: 'uni-kyushu-energy',
    by: 'coordinator2@demo.test',
    language: 'ja',
    domain: 'environment_energy',
    status: 'open',
    age: 55,
    title: '小型バイナリー発電による工場の低温排熱回収',
    summary:
      '70〜95℃の低温排熱から発電する出力20kW級の小型バイナリー発電機です。低沸点媒体と独自のスクロール膨張機により、発電効率8%を実現しました。',
    details: '工場の冷却水や温泉熱での実証実績あり。設置面積は約4m²。',
    keywords: ['排熱回収', 'バイナリー発電', 'waste heat recovery', 'ORC'],
    trl: 6,
    licensing: ['non_exclusive', 'joint_research'],
    advantages: '70℃の熱源で発電効率8%（従来機の約1.3倍）。投資回収6年。',
    ip: [
      {
        number: '特許第7099887号',
        jurisdiction: 'JP',
        status: 'granted',
        title: 'スクロール膨張機を備えた発電装置',
        filedOn: '2020-01-22',
        grantedOn: '2022-11-04',
      },
    ],
  },
  {
    org: 'uni-kyushu-energy',
    by: 'coordinator2@demo.test',
    language: 'ja',
    domain: 'it',
    status: 'open',
    age: 75,
    title: '強化学習による倉庫ピッキング経路とロケーションの同時最適化',
    summary:
      '受注データから商品配置とピッキング経路を強化学習で同時に最適化します。実倉庫のシミュレーションで作業者の歩行距離を32%削減しました。',
    details: '既存WMSからCSVまたはAPIでデータを取り込み、翌日の配置換え案を出力します。',
    keywords: ['ピッキング', '経路最適化', '強化学習', 'warehouse', 'reinforcement learning'],
    trl: 4,
    licensing: ['joint_research'],
    advantages: '歩行距離32%削減（8,000SKUの倉庫シミュレーション）。計算時間は1晩で完了。',
    ip: [
      {
        number: '特許第5544332号',
        jurisdiction: 'JP',
        status: 'expired',
        title: '倉庫内作業経路の最適化方法',
        filedOn: '2009-03-03',
        grantedOn: '2014-05-30',
      },
    ],
  },
  {
    org: 'uni-kyushu-energy',
    by: 'coordinator2@demo.test',
    language: 'en',
    domain: 'environment_energy',
    status: 'pending_review',
    title: 'Iron-based redox flow battery for factory peak shaving',
    summary:
      'An all-iron redox flow battery with a low-cost electrolyte stores energy at an estimated 25,000 yen per kWh, aimed at 100–500 kW peak shaving in factories.',
    details: 'A 5 kW / 20 kWh prototype has run for 2,000 cycles.',
    keywords: ['redox flow battery', 'peak shaving', 'energy storage', 'レドックスフロー電池'],
    trl: 4,
    licensing: ['joint_research', 'exclusive'],
    advantages: 'Electrolyte cost about one fifth of vanadium systems; non-flammable.',
    ip: [
      {
        number: 'JP2025-012345',
        jurisdiction: 'JP',
        status: 'filed',
        title: 'Iron redox flow battery electrolyte',
        filedOn: '2025-01-20',
      },
    ],
  },
];

const DAY = 24 * 60 * 60 * 1000;

/** Needs and seeds of the demo organisations. Idempotent: a listing with the same title and organisation is left alone. */
export async function seedDemoListings(db: Db): Promise<void> {
  const orgNames = new Map(demoOrganisations.map((o) => [o.key, o.nameEn]));
  const orgRows = await db
    .select({ id: organisations.id, nameEn: organisations.nameEn })
    .from(organisations)
    .where(inArray(organisations.nameEn, [...orgNames.values()]));
  const orgIdByName = new Map(orgRows.map((r) => [r.nameEn, r.id]));
  const orgId = (key: string) => orgIdByName.get(orgNames.get(key)!)!;
  const emails = [...new Set([...demoNeeds, ...demoSeeds].map((l) => l.by))];
  const userRows = await db
    .select({ id: users.id, email: users.email, organisationId: users.organisationId })
    .from(users)
    .where(inArray(sql`lower(${users.email})`, emails));
  const user = (email: string) => userRows.find((u) => u.email.toLowerCase() === email)!;
  const now = Date.now();

  const lifecycle = (l: { status: Status; age?: number }) => {
    if (l.status !== 'open') return { status: l.status, publishedAt: null, expiresAt: new Date(now + 365 * DAY) };
    const publishedAt = new Date(now - (l.age ?? 0) * DAY);
    return { status: l.status, publishedAt, expiresAt: new Date(publishedAt.getTime() + 365 * DAY) };
  };

  await db.transaction(async (tx) => {
    for (const n of demoNeeds) {
      const organisationId = orgId(n.org);
      const [exists] = await tx
        .select({ id: needs.id })
        .from(needs)
        .where(and(eq(needs.organisationId, organisationId), eq(needs.title, n.title)));
      if (exists) continue;
      const creator = user(n.by);
      await tx.insert(needs).values({
        organisationId,
        createdBy: creator.id,
        contactUserId: creator.organisationId === organisationId ? creator.id : null,
        language: n.language,
        title: n.title,
        summary: n.summary,
        details: n.details,
        domain: n.domain,
        keywords: n.keywords,
        trlMin: n.trlMin ?? null,
        trlMax: n.trlMax ?? null,
        budgetMinJpy: n.budgetMinJpy ?? null,
        budgetMaxJpy: n.budgetMaxJpy ?? null,
        timeline: n.timeline ?? null,
        partnerKinds: n.partnerKinds ?? [],
        visibility: n.visibility ?? 'members',
        anonymousLabel: n.anonymousLabel ?? null,
        searchText: buildSearchText(n),
        ...lifecycle(n),
      });
    }
    for (const s of demoSeeds) {
      const organisationId = orgId(s.org);
      const [exists] = await tx
        .select({ id: seeds.id })
        .from(seeds)
        .where(and(eq(seeds.organisationId, organisationId), eq(seeds.title, s.title)));
      if (exists) continue;
      const creator = user(s.by);
      const [row] = await tx
        .insert(seeds)
        .values({
          organisationId,
          createdBy: creator.id,
          contactUserId: creator.organisationId === organisationId ? creator.id : null,
          language: s.language,
          title: s.title,
          summary: s.summary,
          details: s.details,
          domain: s.domain,
          keywords: s.keywords,
          trl: s.trl,
          leadResearcher: s.leadResearcher ?? null,
          licensing: s.licensing,
          advantages: s.advantages,
          visibility: s.visibility ?? 'members',
          ipStatus: strongestIpStatus(s.ip.map((r) => r.status)),
          searchText: buildSearchText({ ...s, ipTitles: s.ip.map((r) => r.title) }),
          ...lifecycle(s),
        })
        .returning({ id: seeds.id });
      await tx.insert(ipRecords).values(
        s.ip.map((r) => ({
          seedId: row.id,
          number: r.number ?? null,
          jurisdiction: r.jurisdiction,
          status: r.status,
          title: r.title,
          filedOn: r.filedOn ?? null,
          grantedOn: r.grantedOn ?? null,
        })),
      );
    }
  });
  await seedDemoMatches(db);
}

/**
 * Indexes every open demo-era listing for the matching engine and creates its engine proposals,
 * synchronously (not through the job queue), so the coordinators' queue has proposals at once.
 * Idempotent: re-indexing replaces documents, statistics are rebuilt, proposals are one per pair.
 */
export async function seedDemoMatches(db: Db): Promise<{ needs: number; seeds: number; proposals: number }> {
  const open = async (table: typeof needs | typeof seeds) =>
    (
      await db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.status, 'open'), sql`${table.expiresAt} > now()`))
    ).map((r) => r.id);
  const ids = { need: await open(needs), seed: await open(seeds) };
  for (const kind of ['need', 'seed'] as const) {
    await pruneIndex(db, kind);
    for (let i = 0; i < ids[kind].length; i += 200) await indexListings(db, kind, ids[kind].slice(i, i + 200));
    await rebuildCorpusStats(db, kind);
    await reweigh(db, kind, { all: true });
  }
  let proposals = 0;
  for (const kind of ['need', 'seed'] as const) {
    for (const id of ids[kind]) {
      const ranked = await rankForListing(db, kind, id, PROPOSAL_SETTINGS.topK);
      proposals += (await upsertProposals(db, kind, id, ranked)).inserted;
    }
  }
  return { needs: ids.need.length, seeds: ids.seed.length, proposals };
}
