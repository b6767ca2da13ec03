import { describe, expect, it } from 'vitest';
import { variationPlan } from '@genhub/core/schemas';
import { createTestI18n } from '../i18n/create-test-i18n';
import { draftToPlan, emptyRow, newDraft, type PlanDraft } from './plan-draft';
import { planFieldProblems } from './plan-field-problems';

const i18n = createTestI18n();

const filled = {
  description: 'a winter version',
  keep: 'the subject',
  change: 'season',
  strength: 0.6,
};

/** The draft's schema problems, as the builder would show them, in `lng`. */
function shown(draft: PlanDraft, lng = 'en'): Record<string, string> {
  const parsed = variationPlan.safeParse(draftToPlan(draft));
  const issues = parsed.success ? [] : parsed.error.issues;
  const t = i18n.getFixedT(lng);
  return Object.fromEntries(
    [...planFieldProblems(issues, draft.batchSize)].map(([field, p]) => [
      field,
      t(p.key, p.values),
    ]),
  );
}

describe('plan field problems', () => {
  it('finds none in a complete plan', () => {
    expect(shown({ ...newDraft('ref-1'), rows: [filled] })).toEqual({});
  });

  it('names the variation field under which a problem belongs, in plain words', () => {
    const draft = { ...newDraft('ref-1'), batchSize: 2, rows: [filled, filled, emptyRow()] };
    // The third row is task 0 of batch 1.
    expect(shown(draft)).toEqual({
      'rows.2.description': 'Describe the variation',
      'rows.2.keep': 'List at least one thing to keep the same',
      'rows.2.change': 'List at least one thing to change',
    });
    expect(shown(draft, 'zh-CN')['rows.2.description']).toBe('请描述这个变体');
  });

  it('asks for a reference image and a plan name', () => {
    expect(shown({ ...newDraft(''), planId: ' ', rows: [filled] })).toEqual({
      planId: 'Give the plan a name of up to 200 characters',
      reference: 'Choose a reference image',
    });
  });

  it('gives each technical setting its range', () => {
    const draft = {
      ...newDraft('ref-1'),
      rows: [filled],
      maxConcurrent: 9,
      retryAttempts: 1.5,
      batchSize: Number.NaN,
      timeoutSeconds: 10,
    };
    expect(shown(draft)).toEqual({
      maxConcurrent: 'Use a whole number from 1 to 8',
      retryAttempts: 'Use a whole number from 0 to 5',
      batchSize: 'Use a whole number from 1 to 10',
      timeoutSeconds: 'Use a whole number from 30 to 120',
    });
    expect(shown(draft, 'zh-CN').timeoutSeconds).toBe('请输入 30 到 120 之间的整数');
  });

  it('flags an empty entry inside a list on the list, and a long description as long', () => {
    const draft = {
      ...newDraft('ref-1'),
      rows: [{ ...filled, description: 'x'.repeat(1001) }],
    };
    const plan = draftToPlan(draft);
    const item = plan.batches[0]?.tasks[0];
    if (!item) throw new Error('no task');
    item.variation_instruction.keep_consistent = ['the subject', ' '];
    const parsed = variationPlan.safeParse(plan);
    expect(parsed.success).toBe(false);
    const problems = planFieldProblems(parsed.error?.issues ?? [], 2);
    expect(problems.get('rows.0.keep')?.key).toBe('plan.problem.keep');
    expect(problems.get('rows.0.description')?.key).toBe('plan.problem.descriptionLong');
  });

  it('puts a server reference problem under the reference, with its reason', () => {
    const problems = planFieldProblems(
      [{ path: 'batches.0.tasks.1.reference_image', message: '"cat.png" is 100×100' }],
      2,
    );
    expect(problems.get('reference')).toEqual({
      key: 'plan.problem.referenceUnfit',
      values: { detail: '"cat.png" is 100×100' },
    });
  });

  it('keeps what fits no field for the whole form', () => {
    const problems = planFieldProblems([{ path: ['surprise'], message: 'odd' }], 2);
    expect(problems.get('form')).toEqual({ key: 'plan.problem.other', values: { detail: 'odd' } });
  });
});
