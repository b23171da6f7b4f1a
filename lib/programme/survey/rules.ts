import {
  countedInnovations,
  type SurveyArea,
  type SurveyInnovation,
  surveyAreas,
  surveyInnovations,
} from '@/db/vocabulary/programme';
import type { SurveyEffects, SurveyInnovationAnswers } from '@/db/schema/programme';
import type { SurveyAnswerInput } from './validation';

// Pure rules of the participant survey (issue 14 item 6): a round's state, the answer stored from the form
// and back, the pre-fill from recorded outcomes, where an answer and the records disagree, and the results.

/** Outcomes the portal recorded for an organisation, per innovation effect. */
export type RecordedInnovation = Record<SurveyInnovation, number>;

const isCounted = (item: SurveyInnovation) => (countedInnovations as readonly string[]).includes(item);

export type RoundState = 'scheduled' | 'open' | 'closed';

/** A round is open from its first to its last day (in the programme's calendar) unless closed by hand. */
export function roundState(
  round: { opensOn: string; closesOn: string; closedAt: Date | null },
  today: string,
): RoundState {
  if (round.closedAt || round.closesOn < today) return 'closed';
  return round.opensOn <= today ? 'open' : 'scheduled';
}

/** What the form sends, as stored: ratings as numbers, counts only for counted effects answered yes. */
export function answerFromInput(input: Pick<SurveyAnswerInput, 'effects' | 'innovation'>) {
  const effects = Object.fromEntries(
    surveyAreas.map((a) => [a, { before: Number(input.effects[a].before), after: Number(input.effects[a].after) }]),
  ) as SurveyEffects;
  const innovation = Object.fromEntries(
    surveyInnovations.map((i) => {
      const { yes, count } = input.innovation[i];
      return [i, { yes, count: isCounted(i) ? (yes ? Number(count) : 0) : null }];
    }),
  ) as SurveyInnovationAnswers;
  return { effects, innovation };
}

/** The innovation answers the portal's records suggest: yes when an outcome was recorded, with their number. */
export function innovationFromRecords(recorded: RecordedInnovation): SurveyInnovationAnswers {
  return Object.fromEntries(
    surveyInnovations.map((i) => [i, { yes: recorded[i] > 0, count: isCounted(i) ? recorded[i] : null }]),
  ) as SurveyInnovationAnswers;
}

/** The form's values: a stored answer, or (none yet) no ratings and the innovation effects from the records. */
export function answerFormValues(
  stored: { effects: SurveyEffects; innovation: SurveyInnovationAnswers } | null,
  recorded: RecordedInnovation,
): Pick<SurveyAnswerInput, 'effects' | 'innovation'> {
  const innovation = stored?.innovation ?? innovationFromRecords(recorded);
  return {
    effects: Object.fromEntries(
      surveyAreas.map((a) => [
        a,
        stored
          ? { before: String(stored.effects[a].before), after: String(stored.effects[a].after) }
          : { before: '', after: '' },
      ]),
    ) as SurveyAnswerInput['effects'],
    innovation: Object.fromEntries(
      surveyInnovations.map((i) => [
        i,
        { yes: innovation[i].yes, count: innovation[i].yes && innovation[i].count ? String(innovation[i].count) : '' },
      ]),
    ) as SurveyAnswerInput['innovation'],
  };
}

export type Disagreement = {
  item: SurveyInnovation;
  answered: { yes: boolean; count: number | null };
  recorded: number;
};

/**
 * Where an answer and the records differ: yes against no outcome recorded (or no against one), or another
 * count of a counted effect.
 */
export function disagreementsOf(answer: SurveyInnovationAnswers, recorded: RecordedInnovation): Disagreement[] {
  return surveyInnovations.flatMap((item) => {
    const a = answer[item];
    const differs = a.yes !== recorded[item] > 0 || (isCounted(item) && a.yes && a.count !== recorded[item]);
    return differs ? [{ item, answered: a, recorded: recorded[item] }] : [];
  });
}

const SCALE = [1, 2, 3, 4, 5] as const;
const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

export type AreaResult = {
  /** How many answered 1 … 5 (index 0 … 4), before and after. */
  before: number[];
  after: number[];
  meanBefore: number | null;
  meanAfter: number | null;
  /** The mean of each organisation's after minus before. */
  meanChange: number | null;
};

/** A round's results over its answers: response rate, each area's distribution and means, innovation counts. */
export function surveyResults(
  answers: { effects: SurveyEffects; innovation: SurveyInnovationAnswers }[],
  eligible: number,
) {
  const areas = Object.fromEntries(
    surveyAreas.map((area) => {
      const before = answers.map((a) => a.effects[area].before);
      const after = answers.map((a) => a.effects[area].after);
      const result: AreaResult = {
        before: SCALE.map((s) => before.filter((v) => v === s).length),
        after: SCALE.map((s) => after.filter((v) => v === s).length),
        meanBefore: mean(before),
        meanAfter: mean(after),
        meanChange: mean(answers.map((a) => a.effects[area].after - a.effects[area].before)),
      };
      return [area, result];
    }),
  ) as Record<SurveyArea, AreaResult>;
  const innovation = Object.fromEntries(
    surveyInnovations.map((item) => {
      const yes = answers.filter((a) => a.innovation[item].yes);
      return [
        item,
        {
          yes: yes.length,
          share: answers.length ? yes.length / answers.length : null,
          count: isCounted(item) ? yes.reduce((s, a) => s + (a.innovation[item].count ?? 0), 0) : null,
        },
      ];
    }),
  ) as Record<SurveyInnovation, { yes: number; share: number | null; count: number | null }>;
  return {
    responded: answers.length,
    eligible,
    rate: eligible ? answers.length / eligible : null,
    areas,
    innovation,
  };
}
export type SurveyResults = ReturnType<typeof surveyResults>;
