// Sentences about jobs name a region as the tree does ("China (Shanghai)"), not by its ID; a region the
// tree has not listed keeps its ID, and so does every label once the tree's namer is disposed.
import { strict as assert } from 'assert';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before the labels (they import `vscode`)

import type { TrackedJob } from '../../../src/jobs/model';
import type { RegionNode } from '../../../src/tree/nodes';

type Labels = typeof import('../../../src/jobs/labels');
type Names = typeof import('../../../src/jobs/regionNames');
let labels: Labels;
let names: Names;

const NAMES: Record<string, string> = { 'cn-hangzhou': 'China (Hangzhou)', 'cn-beijing': 'China (Beijing)', 'ap-southeast-1': 'Singapore' };
const tree = {
  findRegion: (accountId: string, regionId: string): RegionNode | undefined =>
    accountId === 'a1' && NAMES[regionId] ? ({ region: { id: regionId, name: NAMES[regionId] } } as unknown as RegionNode) : undefined,
};

function copyTo(region: string, over: Partial<TrackedJob> = {}): TrackedJob {
  return {
    accountId: 'a1', cloud: 'alibaba', regionId: 'cn-hangzhou', kind: 'copy', imageId: 'm-1', imageName: 'web', startedAt: 0, state: 'succeeded',
    jobId: `m-${region}`, follow: 'image', group: 'g1', target: { regionId: region }, ...over,
  };
}

describe('Region names in job labels', () => {
  before(async () => {
    labels = await import('../../../src/jobs/labels');
    names = await import('../../../src/jobs/regionNames');
  });

  it('names the destination of a copy, each region of a group, and where a cancelled import was made as the tree does', () => {
    const named = names.nameRegionsAsTree(tree);
    try {
      assert.equal(labels.jobTitle(copyTo('cn-beijing')), 'Copy of image web to China (Beijing)');
      assert.equal(labels.groupMember(copyTo('ap-southeast-1')), 'Singapore');
      assert.equal(labels.groupOutcome([copyTo('cn-beijing'), copyTo('ap-southeast-1', { state: 'cancelled' })]), 'China (Beijing) done; Singapore cancelled');
      const imported = copyTo('cn-hangzhou', { kind: 'import', imageName: 'from-file', target: undefined });
      assert.match(labels.cancelledImportCheck(imported), /"from-file" is no longer listed in China \(Hangzhou\),/);
      // A region the tree has not listed (hidden, or of another account) keeps its ID.
      assert.equal(labels.groupMember(copyTo('eu-central-1')), 'eu-central-1');
      assert.equal(labels.groupMember(copyTo('cn-beijing', { accountId: 'a2' })), 'cn-beijing');
    } finally {
      named.dispose();
    }
    assert.equal(labels.groupMember(copyTo('cn-beijing')), 'cn-beijing', 'disposed: IDs again');
  });
});
