// Runs a multi-step input: each step asks for one thing (or checks something); Back returns to the
// previous step that was shown, Escape cancels the whole run. Steps can be conditional, and the
// counter ("2/6") counts only the steps that apply to what was answered so far.
import { isGoBack, type StepInfo, type UserInput } from './userInput/types';

export interface WizardStep<S> {
  /** Whether the step applies, given the answers so far (default: always). */
  applies?(state: S): boolean;
  /** Asks (through `input`) and writes the answer into `state`; throws GoBackError to go back. */
  run(state: S, input: UserInput, info: StepInfo): Promise<void>;
  /** A step that shows nothing (a check): not counted, and Back skips over it. */
  readonly silent?: boolean;
}

export async function runWizard<S>(title: string, steps: readonly WizardStep<S>[], state: S, input: UserInput): Promise<S> {
  const history: number[] = [];
  let i = 0;
  while (i < steps.length) {
    const step = steps[i]!;
    if (step.applies && !step.applies(state)) {
      i++;
      continue;
    }
    const counted = steps.filter((s) => !s.silent && (!s.applies || s.applies(state)));
    const info: StepInfo = {
      title,
      ...(step.silent ? {} : { step: counted.indexOf(step) + 1, totalSteps: counted.length }),
      canGoBack: history.length > 0,
    };
    try {
      await step.run(state, input, info);
    } catch (err) {
      if (!isGoBack(err)) {
        throw err;
      }
      const previous = history.pop();
      if (previous === undefined) {
        throw err;
      }
      i = previous;
      continue;
    }
    if (!step.silent) {
      history.push(i);
    }
    i++;
  }
  return state;
}
