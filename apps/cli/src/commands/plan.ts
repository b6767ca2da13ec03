import { Command } from 'commander';
import { examples } from '../examples';
import type { CliIo } from '../session';
import { planRunCommand } from './plan-run';

export function planCommand(io: CliIo): Command {
  return new Command('plan')
    .summary('run variation plans (JSON files of reference images and variations)')
    .description('Variation plans: many edits of reference images, run in batches with a budget.')
    .addCommand(planRunCommand(io))
    .addHelpText('after', examples('genhub plan run plan.json --budget 50 --out ./variations'));
}
