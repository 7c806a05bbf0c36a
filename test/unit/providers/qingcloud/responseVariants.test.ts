// Every form QingCloud publishes for the answers the provider reads, mapped the same (docs/response-variants.md):
// DescribeImageUsers' user as the documented { user: { user_id, email } } or flat user_id; DescribeJobs'
// error_codes as the documented string or a list.
import { strict as assert } from 'assert';
import { mapJob, mapMember } from '../../../../src/providers/qingcloud/mapping';

describe('QingCloud response variants', () => {
  it('reads an image user nested (the documented sample) or flat', () => {
    const nested = mapMember({ image_id: 'img-c5hx2ay5', create_time: '2015-12-10T07:02:52Z', user: { user_id: 'usr-kXg2pqJb', email: 'a@b.c' } });
    const flat = mapMember({ image_id: 'img-c5hx2ay5', create_time: '2015-12-10T07:02:52Z', user_id: 'usr-kXg2pqJb' });
    assert.deepEqual(nested, { id: 'usr-kXg2pqJb', sharedAt: '2015-12-10T07:02:52Z' });
    assert.deepEqual(flat, nested);
    assert.equal(mapMember({ user: {} }), undefined);
  });

  it("reads a failed job's error_codes as a string (the documented sample) or a list", () => {
    const base = { job_id: 'j-37amqany', create_time: '2013-08-07T18:16:32Z', resource_ids: 'img-1 img-2', status: 'failed', status_time: '2013-08-17T08:16:33Z' };
    assert.equal(mapJob({ ...base, error_codes: '2100' }).error, '2100');
    assert.equal(mapJob({ ...base, error_codes: ['2100', '5000'] }).error, '2100, 5000');
    assert.equal(mapJob({ ...base, error_codes: '' }).error, undefined);
    assert.equal(mapJob({ ...base, status: 'successful', error_codes: '' }).finishedAt, '2013-08-17T08:16:33Z');
  });
});
