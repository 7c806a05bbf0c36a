// The plan's page and sentences: counts in plural forms ("1 image", "3 images", never "image(s)"), regions
// by name, and a listing refused for want of permission said in words with the API named.
import { strict as assert } from 'assert';
import { installVscodeShim } from '../helpers/vscodeShim';
installVscodeShim(); // before the plan page (it imports `vscode`)
import { ProviderError } from '../../../src/providers/core/errors';
import type { Image } from '../../../src/providers/core/model';
import { decide, makePlan, type HygieneAccount, type ImageFacts, type PlanEntry } from '../../../src/hygiene/plan';
import { DEFAULT_RULES } from '../../../src/hygiene/rules';
import { planHtml, reasonText, usersText } from '../../../src/webviews/hygienePlan';

const ACCOUNT: HygieneAccount = { id: 'a1', name: 'prod', cloud: 'alibaba' };
const NOW = new Date('2026-12-01T00:00:00Z');
const facts: ImageFacts = { usage: { instances: 0, templates: 0, scalingConfigs: 0, sample: [] }, templatesListed: true, scalingListed: true, references: [], ageDays: 200, sharedWith: 0, copiesIn: [] };

function entry(id: string, f: ImageFacts = facts): PlanEntry {
  const image: Image = { id, name: `name-${id}`, regionId: 'cn-hangzhou', status: 'Available', owner: 'self', tags: [], sizeGiB: 40, createdAt: '2025-01-01T00:00:00Z' };
  return { account: ACCOUNT, image, facts: f, decision: decide(image, f, DEFAULT_RULES, true) };
}

describe('Hygiene plan page', () => {
  it('counts in plural forms and names regions', () => {
    const one = makePlan([entry('m-1')], [], DEFAULT_RULES, NOW);
    const three = makePlan([entry('m-1'), entry('m-2'), entry('m-3')], [], DEFAULT_RULES, NOW);
    const name = (_a: string, r: string): string => (r === 'cn-hangzhou' ? 'China (Hangzhou)' : r);
    const html1 = planHtml(one, 'csp', 500, name);
    const html3 = planHtml(three, 'csp', 500, name);
    assert.match(html1, /1 image would be deleted/);
    assert.match(html3, /3 images would be deleted/);
    assert.match(html3, /China \(Hangzhou\): 3 images, /);
    assert.doesNotMatch(html1 + html3, /\(s\)/);
    assert.doesNotMatch(html3, /<td>cn-hangzhou<\/td>/);
  });

  it('says ages of one day in the singular', () => {
    assert.equal(reasonText({ code: 'young', ageDays: 1, minDays: 30 }), 'only 1 day old (rule: older than 30 days)');
    assert.equal(reasonText({ code: 'olderThan', ageDays: 2, minDays: 1 }), '2 days old (rule: older than 1 day)');
    assert.doesNotMatch(reasonText({ code: 'young', ageDays: 1, minDays: 1 }), /1 days/);
    // The cloud's own status word is quoted.
    assert.equal(reasonText({ code: 'cannotDelete', status: 'Creating' }), 'cannot be deleted while its status is "Creating"');
  });

  it('says what keeps an image in plural forms, scaling configurations included', () => {
    assert.equal(reasonText({ code: 'instances', count: 1, names: ['web-1'] }), 'used by 1 instance: web-1');
    assert.match(reasonText({ code: 'scalingConfigs', count: 2, names: ['asc-a', 'asc-b'] }), /^named by 2 scaling configurations: asc-a/);
    assert.equal(reasonText({ code: 'shared', count: 1 }), 'shared with 1 account');
    assert.match(usersText({ instances: 2, templates: 0, scalingConfigs: 1 }), /^2 instances.*1 scaling configuration$/);
  });

  it('a listing refused for want of permission is said in words, with the API named', () => {
    const forbidden = new ProviderError({ cloud: 'alibaba', code: 'Forbidden.RAM', message: 'User not authorized to operate on the specified resource.', httpStatus: 403 });
    const text = reasonText({ code: 'usageUnknown', api: 'DescribeScalingConfigurations', error: forbidden });
    assert.match(text, /^unknown — not proposed: this account is not allowed to call DescribeScalingConfigurations/);
    const other = reasonText({ code: 'usageUnknown', api: 'ListScalingConfigs', error: new ProviderError({ cloud: 'huawei', code: 'AS.0001', message: 'x', httpStatus: 500 }) });
    assert.match(other, /ListScalingConfigs failed/);
    const plan = makePlan([], [{ account: ACCOUNT, regionId: 'cn-hangzhou', api: 'DescribeScalingConfigurations', error: forbidden }], DEFAULT_RULES, NOW);
    assert.match(planHtml(plan, 'csp'), /not allowed to call DescribeScalingConfigurations/);
  });
});
