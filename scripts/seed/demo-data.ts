import type { employeeBands, organisationKinds, roles } from '@/db/vocabulary/accounts';
import type { clusterPhases, domains } from '@/db/vocabulary/clusters';

type Cluster = {
  slug: string;
  nameJa: string;
  nameEn: string;
  regionJa: string;
  regionEn: string;
  domains: (typeof domains)[number][];
  phase: (typeof clusterPhases)[number];
};
type Organisation = {
  key: string;
  kind: (typeof organisationKinds)[number];
  nameJa: string;
  nameEn: string;
  prefecture: string;
  website?: string;
  employeeBand?: (typeof employeeBands)[number];
  clusters: string[];
  verified?: boolean;
};
type DemoUser = {
  email: string;
  name: string;
  phone: string;
  role: (typeof roles)[number];
  organisation: string;
  locale: 'ja' | 'en';
  coordinates?: string[];
};

export const DEMO_PASSWORD = 'demo-pass-2026';

export const demoClusters: Cluster[] = [
  {
    slug: 'tokai-monozukuri',
    nameJa: '東海ものづくり創生クラスター',
    nameEn: 'Tokai Manufacturing Cluster',
    regionJa: '東海（愛知・岐阜・三重・静岡）',
    regionEn: 'Tokai (Aichi, Gifu, Mie, Shizuoka)',
    domains: ['manufacturing', 'environment_energy'],
    phase: 'III',
  },
  {
    slug: 'kansai-bio',
    nameJa: '関西バイオメディカルクラスター',
    nameEn: 'Kansai Biomedical Cluster',
    regionJa: '関西（大阪・京都・兵庫）',
    regionEn: 'Kansai (Osaka, Kyoto, Hyogo)',
    domains: ['biotech'],
    phase: 'III',
  },
  {
    slug: 'kyushu-green',
    nameJa: '九州グリーンエネルギー・ITクラスター',
    nameEn: 'Kyushu Green Energy & IT Cluster',
    regionJa: '九州（福岡・熊本・鹿児島）',
    regionEn: 'Kyushu (Fukuoka, Kumamoto, Kagoshima)',
    domains: ['environment_energy', 'it'],
    phase: 'II',
  },
];

export const demoOrganisations: Organisation[] = [
  {
    key: 'sme-okazaki',
    kind: 'sme',
    nameJa: '岡崎精密工業株式会社',
    nameEn: 'Okazaki Precision Industries Co., Ltd.',
    prefecture: 'Aichi',
    website: 'https://okazaki-precision.example.jp',
    employeeBand: '50-299',
    clusters: ['tokai-monozukuri'],
  },
  {
    key: 'sme-gifu-mold',
    kind: 'sme',
    nameJa: '岐阜モールドテック株式会社',
    nameEn: 'Gifu Moldtech Co., Ltd.',
    prefecture: 'Gifu',
    employeeBand: '10-49',
    clusters: ['tokai-monozukuri'],
  },
  {
    key: 'sme-osaka-food',
    kind: 'sme',
    nameJa: '大阪発酵食品株式会社',
    nameEn: 'Osaka Fermented Foods Co., Ltd.',
    prefecture: 'Osaka',
    employeeBand: '10-49',
    clusters: ['kansai-bio'],
  },
  {
    key: 'sme-fukuoka-soft',
    kind: 'sme',
    nameJa: '博多ソフトウェア工房株式会社',
    nameEn: 'Hakata Software Works Inc.',
    prefecture: 'Fukuoka',
    employeeBand: '10-49',
    clusters: ['kyushu-green'],
  },
  {
    key: 'uni-nagoya-tech',
    kind: 'university',
    nameJa: '名古屋工科大学',
    nameEn: 'Nagoya Institute of Engineering',
    prefecture: 'Aichi',
    website: 'https://nie.example.ac.jp',
    employeeBand: '1000+',
    clusters: ['tokai-monozukuri'],
  },
  {
    key: 'uni-kyoto-life',
    kind: 'university',
    nameJa: '京都生命科学大学',
    nameEn: 'Kyoto University of Life Sciences',
    prefecture: 'Kyoto',
    employeeBand: '1000+',
    clusters: ['kansai-bio'],
  },
  {
    key: 'uni-kyushu-energy',
    kind: 'university',
    nameJa: '九州エネルギー工科大学',
    nameEn: 'Kyushu Institute of Energy Technology',
    prefecture: 'Fukuoka',
    employeeBand: '300-999',
    clusters: ['kyushu-green'],
  },
  {
    key: 'ri-aichi',
    kind: 'research_institute',
    nameJa: 'あいち産業技術総合センター',
    nameEn: 'Aichi Industrial Technology Center',
    prefecture: 'Aichi',
    employeeBand: '300-999',
    clusters: ['tokai-monozukuri'],
  },
  {
    key: 'ri-osaka-bio',
    kind: 'research_institute',
    nameJa: '大阪バイオ技術研究所',
    nameEn: 'Osaka Bioscience Research Institute',
    prefecture: 'Osaka',
    employeeBand: '50-299',
    clusters: ['kansai-bio'],
  },
  {
    key: 'tlo-kansai',
    kind: 'tlo',
    nameJa: '関西技術移転機構',
    nameEn: 'Kansai Technology Licensing Organization',
    prefecture: 'Osaka',
    employeeBand: '10-49',
    clusters: ['kansai-bio', 'tokai-monozukuri'],
  },
  {
    key: 'trading-chubu',
    kind: 'trading_firm',
    nameJa: '中部産業商事株式会社',
    nameEn: 'Chubu Industrial Trading Corp.',
    prefecture: 'Aichi',
    employeeBand: '300-999',
    clusters: ['tokai-monozukuri', 'kansai-bio'],
  },
  {
    key: 'bank-tokai',
    kind: 'financial_institution',
    nameJa: '東海地域銀行',
    nameEn: 'Tokai Regional Bank',
    prefecture: 'Aichi',
    employeeBand: '1000+',
    clusters: ['tokai-monozukuri', 'kansai-bio', 'kyushu-green'],
  },
  {
    key: 'bank-kyushu',
    kind: 'financial_institution',
    nameJa: '九州信用金庫',
    nameEn: 'Kyushu Shinkin Bank',
    prefecture: 'Fukuoka',
    employeeBand: '300-999',
    clusters: ['kyushu-green'],
  },
  {
    key: 'support-tokai',
    kind: 'support_org',
    nameJa: '東海産業クラスター推進機構',
    nameEn: 'Tokai Industrial Cluster Promotion Organization',
    prefecture: 'Aichi',
    employeeBand: '10-49',
    clusters: ['tokai-monozukuri'],
  },
  {
    key: 'support-office',
    kind: 'support_org',
    nameJa: '産業クラスター計画 事務局',
    nameEn: 'Industrial Cluster Programme Office',
    prefecture: 'Tokyo',
    employeeBand: '10-49',
    clusters: [],
  },
  {
    key: 'sme-new-applicant',
    kind: 'sme',
    nameJa: '三重スマート農機株式会社',
    nameEn: 'Mie Smart Agri-Machinery Co., Ltd.',
    prefecture: 'Mie',
    employeeBand: '1-9',
    clusters: [],
    verified: false,
  },
];

export const demoUsers: DemoUser[] = [
  {
    email: 'sme@demo.test',
    name: '山田 花子',
    phone: '052-000-1001',
    role: 'sme',
    organisation: 'sme-okazaki',
    locale: 'ja',
  },
  {
    email: 'researcher@demo.test',
    name: '佐藤 健一',
    phone: '052-000-2001',
    role: 'researcher',
    organisation: 'uni-nagoya-tech',
    locale: 'ja',
  },
  {
    email: 'trading@demo.test',
    name: 'Kenji Mori',
    phone: '052-000-3001',
    role: 'trading',
    organisation: 'trading-chubu',
    locale: 'en',
  },
  {
    email: 'lender@demo.test',
    name: '鈴木 一郎',
    phone: '052-000-4001',
    role: 'lender',
    organisation: 'bank-tokai',
    locale: 'ja',
  },
  {
    email: 'coordinator@demo.test',
    name: '高橋 真理',
    phone: '052-000-5001',
    role: 'coordinator',
    organisation: 'support-tokai',
    locale: 'ja',
    coordinates: ['tokai-monozukuri', 'kansai-bio'],
  },
  {
    email: 'admin@demo.test',
    name: 'Programme Admin',
    phone: '03-0000-6001',
    role: 'admin',
    organisation: 'support-office',
    locale: 'en',
  },
  {
    email: 'sme2@demo.test',
    name: '中村 翔',
    phone: '06-000-1002',
    role: 'sme',
    organisation: 'sme-osaka-food',
    locale: 'ja',
  },
  {
    email: 'researcher2@demo.test',
    name: 'Aiko Tanaka',
    phone: '075-000-2002',
    role: 'researcher',
    organisation: 'uni-kyoto-life',
    locale: 'en',
  },
  {
    email: 'pending@demo.test',
    name: '伊藤 誠',
    phone: '059-000-1003',
    role: 'sme',
    organisation: 'sme-new-applicant',
    locale: 'ja',
  },
  {
    email: 'coordinator2@demo.test',
    name: '松本 大輔',
    phone: '092-000-5002',
    role: 'coordinator',
    organisation: 'support-tokai',
    locale: 'ja',
    coordinates: ['kyushu-green'],
  },
];
