import type { Contact } from '@/lib/accounts/contact';
import type { Viewer } from '@/lib/auth/policy';
import type { OrganisationKind } from '@/db/vocabulary/accounts';
import type {
  DisclosureLevel,
  DisclosureSettings,
  IpStatus,
  LicensingTerm,
  ListingKind,
  ListingStatus,
} from '@/db/vocabulary/listings';
import { accessOf, effectiveLevels, type Access, type Field, type Relation, visibleFields } from './disclosure-rules';
import type { AcceptTerms, LicenceTerms } from './licence-terms';

// Rows in, views out: a listing row (selected WITHOUT people's contact fields) becomes the view a
// viewer may see, by the rules of disclosure-rules.ts. Pure; disclosure.ts does the I/O.

/** What a signed-out visitor sees of the terms: none (the teaser names licence types only). */
const NO_TERMS: LicenceTerms = {
  royaltyMinPct: null,
  royaltyMaxPct: null,
  upfrontFeeMinJpy: null,
  upfrontFeeMaxJpy: null,
  milestoneFeeMinJpy: null,
  milestoneFeeMaxJpy: null,
  licenceTerritories: [],
  fieldOfUse: null,
  exclusivityMonths: null,
  sublicensing: null,
  optionAgreement: null,
};

type CommonRow = {
  id: string;
  organisationId: string;
  organisationNameJa: string;
  organisationNameEn: string;
  organisationKind: OrganisationKind;
  organisationPrefecture: string;
  coordinated: boolean;
  contactUserId: string | null;
  language: 'ja' | 'en';
  title: string;
  summary: string;
  details: string;
  domain: 'manufacturing' | 'it' | 'biotech' | 'environment_energy';
  keywords: string[];
  prefecture: string | null;
  status: ListingStatus;
  closedReason: string | null;
  reviewComment: string | null;
  disclosure: DisclosureSettings;
  expiresAt: Date;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
};
export type NeedRow = CommonRow & {
  trlMin: number | null;
  trlMax: number | null;
  budgetMinJpy: number | null;
  budgetMaxJpy: number | null;
  timeline: string | null;
  partnerKinds: OrganisationKind[];
  regionPreference: string | null;
  visibility: 'members' | 'anonymous' | 'private';
  anonymousLabel: string | null;
  /** licensing terms the need can accept: need details, seen by whoever may read the need (DESIGN §4) */
  acceptTerms: AcceptTerms;
};
export type IpRow = {
  number: string | null;
  jurisdiction: string;
  status: IpStatus;
  title: string;
  filedOn: string | null;
  grantedOn: string | null;
};
export type SeedRow = CommonRow & {
  trl: number | null;
  leadResearcher: string | null;
  licensing: LicensingTerm[];
  /** structured licensing terms: public to members like the licence types (DESIGN §4) */
  terms: LicenceTerms;
  advantages: string;
  visibility: 'public_teaser' | 'members' | 'private';
  ipStatus: IpStatus | null;
};

export type OrganisationLabel =
  | { kind: 'name'; nameJa: string; nameEn: string }
  | { kind: 'anonymous'; label: string }
  | { kind: 'hidden' };

type CommonView = {
  id: string;
  kind: ListingKind;
  access: Access;
  language: 'ja' | 'en';
  title: string;
  summary: string;
  domain: CommonRow['domain'];
  keywords: string[];
  prefecture: string;
  organisationKind: OrganisationKind;
  organisation: OrganisationLabel;
  status: ListingStatus;
  publishedAt: Date | null;
  /** null: withheld; `withheld` says which fields and from which level on. */
  details: string | null;
  contact: Contact | null;
  withheld: Partial<Record<Field, DisclosureLevel>>;
  /** Owner / coordinator only. */
  manage: {
    version: number;
    expiresAt: Date;
    reviewComment: string | null;
    closedReason: string | null;
    updatedAt: Date;
  } | null;
};
export type NeedView = CommonView & {
  kind: 'need';
  visibility: NeedRow['visibility'];
  trlMin: number | null;
  trlMax: number | null;
  budgetMinJpy: number | null;
  budgetMaxJpy: number | null;
  timeline: string | null;
  partnerKinds: OrganisationKind[];
  regionPreference: string | null;
  acceptTerms: AcceptTerms;
};
export type IpView = Omit<IpRow, 'number' | 'title'> & { number: string | null; title: string | null };
export type SeedView = CommonView & {
  kind: 'seed';
  visibility: SeedRow['visibility'];
  trl: number | null;
  licensing: SeedRow['licensing'];
  terms: LicenceTerms;
  ipStatus: SeedRow['ipStatus'];
  /** Teaser only: unpublished application (or a public visitor) — no numbers, no claims. */
  teaser: boolean;
  leadResearcher: string | null;
  advantages: string | null;
  ipRecords: IpView[];
};

function organisationLabel(row: CommonRow, shown: Set<Field>, anonymousLabel: string | null): OrganisationLabel {
  if (shown.has('organisationName'))
    return { kind: 'name', nameJa: row.organisationNameJa, nameEn: row.organisationNameEn };
  if (anonymousLabel) return { kind: 'anonymous', label: anonymousLabel };
  return { kind: 'hidden' };
}

function withheldOf(
  shown: Set<Field>,
  levels: Record<Field, DisclosureLevel>,
  present: Field[],
): CommonView['withheld'] {
  return Object.fromEntries(present.filter((f) => !shown.has(f)).map((f) => [f, levels[f]]));
}

function common(
  row: CommonRow,
  kind: ListingKind,
  access: Access,
  shown: Set<Field>,
  levels: Record<Field, DisclosureLevel>,
  anonymousLabel: string | null,
  contact: Contact | null,
  present: Field[],
): CommonView {
  const manages = access === 'owner' || access === 'coordinator';
  return {
    id: row.id,
    kind,
    access,
    language: row.language,
    title: row.title,
    summary: row.summary,
    domain: row.domain,
    keywords: row.keywords,
    prefecture: row.prefecture || row.organisationPrefecture,
    organisationKind: row.organisationKind,
    organisation: organisationLabel(row, shown, anonymousLabel),
    status: row.status,
    publishedAt: row.publishedAt,
    details: shown.has('details') ? row.details : null,
    contact: shown.has('contacts') ? contact : null,
    withheld: withheldOf(shown, levels, present),
    manage: manages
      ? {
          version: row.version,
          expiresAt: row.expiresAt,
          reviewComment: row.reviewComment,
          closedReason: row.closedReason,
          updatedAt: row.updatedAt,
        }
      : null,
  };
}

export function needDecision(viewer: Viewer | null, row: NeedRow, relation: Relation) {
  const access = accessOf(viewer, row);
  const levels = effectiveLevels(row.disclosure, { anonymous: row.visibility === 'anonymous' });
  return { access, levels, shown: visibleFields(access, relation, levels) };
}

export function seedDecision(viewer: Viewer | null, row: SeedRow, ips: IpRow[], relation: Relation) {
  const access = accessOf(viewer, row);
  const unpublishedIp =
    ips.some((r) => r.status === 'unpublished_application') || row.ipStatus === 'unpublished_application';
  const levels = effectiveLevels(row.disclosure, { unpublishedIp });
  return { access, levels, unpublishedIp, shown: visibleFields(access, relation, levels) };
}

/** A browse card: no people, no details; relation taken as 'none' (cards are many, cheap). */
export function needCard(viewer: Viewer | null, row: NeedRow): NeedView {
  const { access, levels, shown } = needDecision(viewer, row, 'none');
  shown.delete('contacts');
  shown.delete('details');
  return needView(row, access, shown, levels, null);
}

export function seedCard(viewer: Viewer | null, row: SeedRow): SeedView {
  const { access, levels, shown, unpublishedIp } = seedDecision(viewer, row, [], 'none');
  shown.delete('contacts');
  shown.delete('details');
  return seedView(row, [], access, shown, levels, null, unpublishedIp);
}

export function needView(
  row: NeedRow,
  access: Access,
  shown: Set<Field>,
  levels: Record<Field, DisclosureLevel>,
  contact: Contact | null,
): NeedView {
  return {
    ...common(row, 'need', access, shown, levels, row.visibility === 'anonymous' ? row.anonymousLabel : null, contact, [
      'organisationName',
      'details',
      'contacts',
    ]),
    kind: 'need',
    visibility: row.visibility,
    trlMin: row.trlMin,
    trlMax: row.trlMax,
    budgetMinJpy: row.budgetMinJpy,
    budgetMaxJpy: row.budgetMaxJpy,
    timeline: row.timeline,
    partnerKinds: row.partnerKinds,
    regionPreference: row.regionPreference,
    acceptTerms: row.acceptTerms,
  };
}

export function seedView(
  row: SeedRow,
  ips: IpRow[],
  access: Access,
  shown: Set<Field>,
  levels: Record<Field, DisclosureLevel>,
  contact: Contact | null,
  unpublishedIp: boolean,
): SeedView {
  const claims = shown.has('details'); // titles of applications and advantages describe the claims
  const present: Field[] = [
    'organisationName',
    'details',
    'contacts',
    ...(ips.some((r) => r.number) ? (['patentNumbers'] as Field[]) : []),
  ];
  return {
    ...common(row, 'seed', access, shown, levels, null, contact, present),
    kind: 'seed',
    visibility: row.visibility,
    trl: row.trl,
    licensing: row.licensing,
    // signed-out visitors get the teaser: licence types, not the terms
    terms: access === 'public' ? NO_TERMS : row.terms,
    ipStatus: row.ipStatus,
    teaser: access === 'public' || (unpublishedIp && !claims),
    leadResearcher: shown.has('contacts') ? row.leadResearcher : null,
    advantages: claims ? row.advantages : null,
    ipRecords: ips.map((r) => ({
      jurisdiction: r.jurisdiction,
      status: r.status,
      filedOn: r.filedOn,
      grantedOn: r.grantedOn,
      number: shown.has('patentNumbers') ? r.number : null,
      title: claims ? r.title : null,
    })),
  };
}
