import { describe, expect, it } from 'vitest';
import { planChanges, planFormValues, planFromInput } from './plan-rules';

describe('cluster plan rules', () => {
  it('stores what the form filled in, and gives it back to the form unchanged', () => {
    const values = planFormValues(null);
    values.vision = 'Vision';
    values.goals = 'Goals';
    values.phases[1] = { ...values.phases[1], from: '2026-04-01', to: '2029-03-31' };
    values.phases[1].targets.ndas = '7';
    const plan = planFromInput(values);
    expect(plan.phases[0]).toEqual({ phase: 'I', from: null, to: null, targets: {} });
    expect(plan.phases[1]).toEqual({ phase: 'II', from: '2026-04-01', to: '2029-03-31', targets: { ndas: 7 } });
    expect(planFormValues(plan)).toEqual(values);
  });

  it('names each field a new version changed', () => {
    const values = planFormValues(null);
    values.vision = 'Vision';
    values.goals = 'Goals';
    const first = planFromInput(values);
    expect(planChanges(null, first)).toEqual(['created']);
    values.phases[2].targets.ventures = '3';
    values.phases[0].from = '2020-01-01';
    values.phases[0].to = '2022-12-31';
    values.goals = 'Other goals';
    expect(planChanges(first, planFromInput(values))).toEqual([
      'goals',
      'phases.I.period',
      'phases.III.targets.ventures',
    ]);
    expect(planChanges(first, planFromInput(planFormValues(first)))).toEqual([]);
  });
});
