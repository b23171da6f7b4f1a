import type { Viewer } from '@/lib/auth/policy';
import type { DisclosureField, DisclosureLevel, DisclosureSettings } from '@/db/vocabulary/listings';

/**
 * The one place deciding what a viewer sees of a need or seed (DESIGN §4): who the viewer is to the
 * listing, each field's level, and which fields that lets the viewer see. Pure; listing-views.ts
 * turns rows into views with it, disclosure.ts adds the contact and logs reveals.
 */
export type Field = DisclosureField;
/** How the viewer stands to the listing through the brokering flow. */
export type Relation = 'none' | DisclosureLevel;
/** Who the viewer is with respect to the listing's organisation. */
export type Access = 'owner' | 'coordinator' | 'member' | 'public';

export const DEFAULT_LEVELS: Record<Field, DisclosureLevel> = {
  organisationName: 'members',
  details: 'members',
  patentNumbers: 'members',
  attachments: 'nda',
  // people are never shown to members before an introduction (DESIGN §4)
  contacts: 'introduced',
};

// An NDA is recorded between introduced parties (lib/introductions/after.ts), so it is the last
// stage: an introduction alone does not reveal a field kept for after an NDA.
const RANK: Record<Relation, number> = { none: 0, members: 0, interest_accepted: 1, introduced: 2, nda: 3 };
const maxLevel = (a: DisclosureLevel, b: DisclosureLevel): DisclosureLevel => (RANK[a] >= RANK[b] ? a : b);

export function accessOf(viewer: Viewer | null, listing: { organisationId: string; coordinated: boolean }): Access {
  if (!viewer) return 'public';
  if (viewer.organisationId === listing.organisationId) return 'owner';
  if (viewer.role === 'coordinator' && listing.coordinated) return 'coordinator';
  return 'member';
}

/** Effective level of each field for this listing (settings, defaults and hard floors). */
export function effectiveLevels(
  settings: DisclosureSettings,
  opts: { anonymous?: boolean; unpublishedIp?: boolean },
): Record<Field, DisclosureLevel> {
  const levels = { ...DEFAULT_LEVELS, ...settings } as Record<Field, DisclosureLevel>;
  levels.contacts = maxLevel(levels.contacts, 'introduced');
  if (opts.anonymous) levels.organisationName = maxLevel(levels.organisationName, 'introduced');
  if (opts.unpublishedIp) {
    levels.patentNumbers = maxLevel(levels.patentNumbers, 'nda');
    levels.details = maxLevel(levels.details, 'nda');
  }
  return levels;
}

/** Pure decision: which fields this viewer may see. */
export function visibleFields(access: Access, relation: Relation, levels: Record<Field, DisclosureLevel>): Set<Field> {
  const fields = Object.keys(levels) as Field[];
  if (access === 'owner' || access === 'coordinator') return new Set(fields);
  if (access === 'public') return new Set();
  return new Set(fields.filter((f) => RANK[relation] >= RANK[levels[f]]));
}

/** Fields whose showing is a reveal worth logging: above "members", or people. */
export function protectedRevealed(shown: Set<Field>, levels: Record<Field, DisclosureLevel>): Field[] {
  return [...shown].filter((f) => f === 'contacts' || RANK[levels[f]] > RANK.members);
}
