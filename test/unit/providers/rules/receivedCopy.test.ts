// Which images shared with a project each cloud copies (providers/rules/copy.ts receivedCopy, from the
// provider's copy rules): Huawei copies an accepted one within its region and asks to accept a pending
// one first; a rejected one, and every cloud without the rule, is not offered.
import { strict as assert } from 'assert';
import { receivedCopy } from '../../../../src/providers/rules/copy';
import { CLOUD_RULES } from '../../../../src/providers/rules';
import { HUAWEI_COPY_RULES } from '../../../../src/providers/huawei/rules';
import type { CloudKind } from '../../../../src/providers/core/model';

describe('Copying images shared with the project (rule)', () => {
  it('Huawei: an accepted shared image is copied; a pending one must be accepted first; a rejected one is not offered', () => {
    assert.equal(receivedCopy(HUAWEI_COPY_RULES, 'accepted'), 'copy');
    assert.equal(receivedCopy(HUAWEI_COPY_RULES, 'pending'), 'acceptFirst');
    assert.equal(receivedCopy(HUAWEI_COPY_RULES, 'rejected'), undefined);
  });

  it('only Huawei copies received images (the other clouds have no "Shared with Me" copy)', () => {
    const clouds: CloudKind[] = ['alibaba', 'huawei', 'qingcloud', 'batchcompute'];
    const copying = clouds.filter((c) => receivedCopy(CLOUD_RULES[c].copying, 'accepted') !== undefined);
    assert.deepEqual(copying, ['huawei']);
    assert.equal(receivedCopy(undefined, 'accepted'), undefined);
  });
});
