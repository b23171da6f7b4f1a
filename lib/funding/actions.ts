'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { authedAction } from '@/lib/actions/safe-action';
import { answerConsent, requestConsent } from './consent';
import { saveEvaluation } from './evaluation';
import { createProposal, saveProposal } from './proposals';
import type { ShareEventInput } from './rules';
import { shareProposal } from './sharing';
import { transitionShare } from './transition';
import {
  approveSchema,
  consentSchema,
  createProposalSchema,
  declineSchema,
  evaluationSchema,
  proposalRefSchema,
  requestInfoSchema,
  resubmitSchema,
  saveProposalSchema,
  shareProposalSchema,
  shareRefSchema,
} from './validation';

const refresh = (proposalId: string) => {
  revalidatePath(`/funding/${proposalId}`);
  revalidatePath('/funding');
};

// ---- the SME's proposal ----

export const createProposalAction = authedAction(
  'funding.propose',
  createProposalSchema,
  async (viewer, input, { ip }) => {
    const created = await createProposal(await getDb(), viewer, input, ip);
    revalidatePath('/funding');
    return created;
  },
);

/** Autosave and "save draft" alike. */
export const saveProposalAction = authedAction('funding.propose', saveProposalSchema, async (viewer, input, { ip }) => {
  const saved = await saveProposal(await getDb(), viewer, input, ip);
  refresh(saved.id);
  return saved;
});

export const shareProposalAction = authedAction(
  'funding.propose',
  shareProposalSchema,
  async (viewer, input, { ip }) => {
    const result = await shareProposal(await getDb(), viewer, input, ip);
    refresh(input.proposalId);
    return result;
  },
);

export const requestConsentAction = authedAction(
  'funding.propose',
  proposalRefSchema,
  async (viewer, { proposalId }, { ip }) => {
    await requestConsent(await getDb(), viewer, proposalId, ip);
    refresh(proposalId);
    return null;
  },
);

// ---- one lender's review (each side acts on its share; the server decides who may) ----

async function step(
  viewer: Parameters<typeof transitionShare>[1],
  shareId: string,
  version: number,
  event: ShareEventInput,
  ip: string | null,
) {
  const result = await transitionShare(await getDb(), viewer, shareId, event, { expectedVersion: version, ip });
  refresh(result.proposalId);
  return { status: result.to, version: result.version };
}

export const withdrawShareAction = authedAction(
  'funding.propose',
  shareRefSchema,
  async (viewer, { shareId, version }, { ip }) => step(viewer, shareId, version, { type: 'withdraw' }, ip),
);

export const reshareAction = authedAction(
  'funding.propose',
  shareRefSchema,
  async (viewer, { shareId, version }, { ip }) => step(viewer, shareId, version, { type: 'reshare' }, ip),
);

export const answerQuestionAction = authedAction(
  'funding.propose',
  resubmitSchema,
  async (viewer, { shareId, version, answer }, { ip }) =>
    step(viewer, shareId, version, { type: 'resubmit', answer }, ip),
);

export const startReviewAction = authedAction(
  'funding.review',
  shareRefSchema,
  async (viewer, { shareId, version }, { ip }) => step(viewer, shareId, version, { type: 'start_review' }, ip),
);

export const requestInfoAction = authedAction(
  'funding.review',
  requestInfoSchema,
  async (viewer, { shareId, version, question }, { ip }) =>
    step(viewer, shareId, version, { type: 'request_info', question }, ip),
);

export const approveProposalAction = authedAction(
  'funding.review',
  approveSchema,
  async (viewer, { shareId, version, ...terms }, { ip }) =>
    step(viewer, shareId, version, { type: 'approve', terms }, ip),
);

export const declineProposalAction = authedAction(
  'funding.review',
  declineSchema,
  async (viewer, { shareId, version, reason, text }, { ip }) =>
    step(viewer, shareId, version, { type: 'decline', reason, text }, ip),
);

export const saveEvaluationAction = authedAction('funding.review', evaluationSchema, async (viewer, input, { ip }) => {
  const db = await getDb();
  const saved = await saveEvaluation(db, viewer, input, ip);
  revalidatePath('/funding');
  return saved;
});

// ---- the university partner ----

export const answerConsentAction = authedAction('funding.consent', consentSchema, async (viewer, input, { ip }) => {
  await answerConsent(await getDb(), viewer, input, ip);
  refresh(input.proposalId);
  return null;
});
