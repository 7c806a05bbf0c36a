// An unknown outcome's words agree in number with the images they name: "Whether m-1 was deleted",
// "Whether m-1, m-2 were deleted".
import { strict as assert } from 'assert';
import { installVscodeShim } from '../../helpers/vscodeShim';
installVscodeShim(); // before outcome.ts (it imports `vscode`)

import { outcomeUnknown, ProviderError, type ChangeKind } from '../../../../src/providers/core/errors';

type Outcome = typeof import('../../../../src/commands/shared/outcome');
let outcome: Outcome;

function lost(change: ChangeKind, imageIds: string[]): ProviderError {
  const cause = new ProviderError({ cloud: 'alibaba', code: 'NetworkError', message: 'socket hang up' });
  return outcomeUnknown(cause, { change, imageIds, readBack: 'undecidable' });
}

describe('Unknown outcomes in words', () => {
  before(async () => {
    outcome = await import('../../../../src/commands/shared/outcome');
  });

  it('says "was" of one image and "were" of several', () => {
    assert.match(outcome.failureText(lost('delete', ['m-1'])), /^Whether m-1 was deleted is not known\./);
    assert.match(outcome.failureText(lost('delete', ['m-1', 'm-2'])), /^Whether m-1, m-2 were deleted is not known\./);
    for (const change of ['share', 'tag', 'edit', 'accept', 'reject'] as const) {
      assert.match(outcome.failureText(lost(change, ['m-1', 'm-2'])), /^Whether m-1, m-2 were \w+ is not known\./, change);
      assert.match(outcome.failureText(lost(change, ['m-1'])), /^Whether m-1 was \w+ is not known\./, change);
    }
  });
});
