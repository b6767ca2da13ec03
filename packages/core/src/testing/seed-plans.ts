import type { VariationPlanInput } from '../schemas';

/** Seed 004's two examples, as written (reference images named by file path). */
export const seedTurnPlan: VariationPlanInput = {
  plan_id: 'nano-character-turn-20251019',
  agent_id: 'Nano-banana',
  execution_config: { batch_size: 1, max_concurrent_requests: 1, retry_attempts: 3 },
  api_config: { model: 'google/gemini-2.5-flash-image-preview', timeout_seconds: 60 },
  batches: [
    {
      batch_id: 1,
      tasks: [
        {
          task_id: 'turn-001',
          reference_image: 'output/project/character-base.png',
          variation_instruction: {
            description: '角色转身动作',
            keep_consistent: ['赛博朋克风格', '角色服装', '发型特征'],
            change_elements: ['身体姿态: 从正面转为侧面'],
            nano_banana_parameters: {
              strength: 0.65,
              prompt_weight: 'turning around, natural motion',
            },
          },
        },
      ],
    },
  ],
};

export const seedExpressionPlan = (): VariationPlanInput => ({
  plan_id: 'nano-expression-batch-20251019',
  agent_id: 'Nano-banana',
  execution_config: { batch_size: 2, max_concurrent_requests: 2, retry_attempts: 3 },
  batches: [
    {
      batch_id: 1,
      tasks: [
        {
          task_id: 'expr-smile',
          reference_image: 'base.png',
          variation_instruction: {
            description: '微笑表情',
            keep_consistent: ['姿态', '背景'],
            change_elements: ['表情: 微笑'],
            nano_banana_parameters: { strength: 0.5 },
          },
        },
        {
          task_id: 'expr-surprise',
          reference_image: 'base.png',
          variation_instruction: {
            description: '惊讶表情',
            keep_consistent: ['姿态', '背景'],
            change_elements: ['表情: 惊讶'],
            nano_banana_parameters: { strength: 0.55 },
          },
        },
      ],
    },
  ],
});
