import { registerELearningReactions } from '../e-learning/rules.ts';

/**
 * Every reaction to training events (services/training/events.ts), in one list. Each instance
 * calls this once at start (createApp does), so every instance reacts to the same events the same
 * way: the list lives in code, never in something one instance changed at run time. A process
 * that publishes without having registered fails loudly rather than skipping the reactions.
 */
export function registerTrainingReactions(): void {
  registerELearningReactions();
}
