import type { locales, organisationKinds } from '@/db/vocabulary/accounts';
import type { domains } from '@/db/vocabulary/clusters';
import type {
  ipStatuses,
  licensingTerms,
  ListingCollection,
  needVisibilities,
  seedVisibilities,
} from '@/db/vocabulary/listings';

type Cell = 'text' | 'int' | 'list' | 'enum' | 'enumList' | 'date';
export type Column = {
  /** Canonical header, as in the template and the export. */
  name: string;
  /** Other accepted headers (Japanese labels as written in spreadsheets). */
  aliases: string[];
  /** Field of the listing schema ("ipRecords.0.number" for the one IP record a CSV row may carry). */
  field: string;
  cell: Cell;
  /** Enum values with their accepted labels, for enum and enumList cells. */
  values?: Record<string, string[]>;
  required?: boolean;
};

const domainLabels: Record<(typeof domains)[number], string[]> = {
  manufacturing: ['ものづくり', '製造', '製造業', 'ものづくり・製造'],
  it: ['情報通信', 'IT・情報通信', 'IT'],
  biotech: ['バイオ', 'ライフサイエンス', 'バイオテクノロジー', 'バイオ・ライフサイエンス'],
  environment_energy: ['環境・エネルギー', '環境エネルギー', 'environment', 'energy'],
};
const languageLabels: Record<(typeof locales)[number], string[]> = {
  ja: ['日本語', 'japanese'],
  en: ['英語', 'english'],
};
const needVisibilityLabels: Record<(typeof needVisibilities)[number], string[]> = {
  members: ['会員', '会員に公開'],
  anonymous: ['匿名', '匿名で公開'],
  private: ['非公開', 'コーディネーターのみ'],
};
const seedVisibilityLabels: Record<(typeof seedVisibilities)[number], string[]> = {
  public_teaser: ['概要のみ公開', '一般公開(概要)', 'teaser'],
  members: ['会員', '会員に公開'],
  private: ['非公開', 'コーディネーターのみ'],
};
const licensingLabels: Record<(typeof licensingTerms)[number], string[]> = {
  exclusive: ['独占', '独占実施', '専用実施権'],
  non_exclusive: ['非独占', '非独占実施', '通常実施権'],
  joint_research: ['共同研究'],
  assignment: ['譲渡'],
};
const ipStatusLabels: Record<(typeof ipStatuses)[number], string[]> = {
  unpublished_application: ['未公開', '未公開出願'],
  filed: ['出願中', '出願済'],
  granted: ['登録', '登録済', '特許取得'],
  expired: ['失効', '消滅'],
};
const orgKindLabels: Record<(typeof organisationKinds)[number], string[]> = {
  sme: ['中小企業'],
  university: ['大学'],
  research_institute: ['公設試', '研究機関', '公的研究機関'],
  tlo: ['TLO'],
  trading_firm: ['商社'],
  financial_institution: ['金融機関', '銀行'],
  support_org: ['支援機関'],
};

const common: Column[] = [
  { name: 'title', aliases: ['タイトル', '件名', '名称'], field: 'title', cell: 'text', required: true },
  { name: 'summary', aliases: ['概要', '要約'], field: 'summary', cell: 'text', required: true },
  { name: 'details', aliases: ['詳細', '説明'], field: 'details', cell: 'text' },
  {
    name: 'domain',
    aliases: ['分野', '技術分野'],
    field: 'domain',
    cell: 'enum',
    values: domainLabels,
    required: true,
  },
  { name: 'keywords', aliases: ['キーワード'], field: 'keywords', cell: 'list' },
  { name: 'language', aliases: ['言語'], field: 'language', cell: 'enum', values: languageLabels },
  { name: 'prefecture', aliases: ['都道府県', '所在地'], field: 'prefecture', cell: 'text' },
];

export const columnsByKind: Record<ListingCollection, Column[]> = {
  needs: [
    ...common,
    { name: 'trl_min', aliases: ['TRL下限', '希望TRL下限', '希望TRL'], field: 'trlMin', cell: 'int' },
    { name: 'trl_max', aliases: ['TRL上限', '希望TRL上限'], field: 'trlMax', cell: 'int' },
    { name: 'budget_min_jpy', aliases: ['予算下限', '予算下限(円)'], field: 'budgetMinJpy', cell: 'int' },
    { name: 'budget_max_jpy', aliases: ['予算上限', '予算上限(円)'], field: 'budgetMaxJpy', cell: 'int' },
    { name: 'timeline', aliases: ['時期', '希望時期'], field: 'timeline', cell: 'text' },
    {
      name: 'partner_kinds',
      aliases: ['希望連携先', '希望する連携先'],
      field: 'partnerKinds',
      cell: 'enumList',
      values: orgKindLabels,
    },
    { name: 'region_preference', aliases: ['希望地域'], field: 'regionPreference', cell: 'text' },
    { name: 'visibility', aliases: ['公開範囲'], field: 'visibility', cell: 'enum', values: needVisibilityLabels },
    { name: 'anonymous_label', aliases: ['匿名表示名'], field: 'anonymousLabel', cell: 'text' },
  ],
  seeds: [
    ...common,
    { name: 'trl', aliases: ['TRL', '技術成熟度'], field: 'trl', cell: 'int' },
    { name: 'lead_researcher', aliases: ['研究代表者', '研究者'], field: 'leadResearcher', cell: 'text' },
    {
      name: 'licensing',
      aliases: ['ライセンス条件', '実施許諾'],
      field: 'licensing',
      cell: 'enumList',
      values: licensingLabels,
    },
    { name: 'advantages', aliases: ['優位性', '従来技術に対する優位性'], field: 'advantages', cell: 'text' },
    { name: 'visibility', aliases: ['公開範囲'], field: 'visibility', cell: 'enum', values: seedVisibilityLabels },
    {
      name: 'ip_number',
      aliases: ['出願番号', '特許番号', '出願・特許番号'],
      field: 'ipRecords.0.number',
      cell: 'text',
    },
    { name: 'ip_jurisdiction', aliases: ['出願国', '国・地域'], field: 'ipRecords.0.jurisdiction', cell: 'text' },
    {
      name: 'ip_status',
      aliases: ['権利状況', '特許の状況'],
      field: 'ipRecords.0.status',
      cell: 'enum',
      values: ipStatusLabels,
    },
    { name: 'ip_title', aliases: ['発明の名称'], field: 'ipRecords.0.title', cell: 'text' },
    { name: 'ip_filed_on', aliases: ['出願日'], field: 'ipRecords.0.filedOn', cell: 'date' },
    { name: 'ip_granted_on', aliases: ['登録日'], field: 'ipRecords.0.grantedOn', cell: 'date' },
  ],
};

/** Header text compared loosely: full-width/half-width folded, case and spacing ignored. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s\-・]+/g, '_')
    .replace(/[()()]/g, '');
}

export function headerIndex(kind: ListingCollection): Map<string, Column> {
  const index = new Map<string, Column>();
  for (const column of columnsByKind[kind]) {
    for (const header of [column.name, ...column.aliases]) index.set(normaliseHeader(header), column);
  }
  return index;
}

/** An enum cell's value: the key itself (any case) or one of its labels; otherwise the raw text (the schema rejects it). */
export function enumValue(raw: string, values: Record<string, string[]>): string {
  const needle = normaliseHeader(raw);
  for (const [key, labels] of Object.entries(values)) {
    if (needle === key || labels.some((l) => normaliseHeader(l) === needle)) return key;
  }
  return raw.trim();
}
