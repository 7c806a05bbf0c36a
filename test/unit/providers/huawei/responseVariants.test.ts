// Every form Huawei publishes for the answers the provider reads, mapped the same (docs/response-variants.md):
// a job's failure at the top (ShowJobProgress) or in its entities (the JobEntities model: error_code, error,
// addition_error_*), its percentage as the documented fraction; a flavor's family as ecs:performancetype or,
// for flavors registered early, hws:performancetype; `__whole_image` as a Boolean or a string.
import { strict as assert } from 'assert';
import { flavorOf } from '../../../../src/providers/huawei/launch';
import { isWholeImage, mapImage, mapJob } from '../../../../src/providers/huawei/mapping';

describe('Huawei response variants', () => {
  it('reads a failed job from the top (ShowJobProgress) or from its entities (JobEntities)', () => {
    const base = { job_id: 'j1', job_type: 'imsCopyImageInRegionJob', begin_time: '2022-05-17T14:42:20.859Z', status: 'FAIL' };
    assert.equal(mapJob({ ...base, error_code: 'IMS.0001', fail_reason: 'disk full', entities: {} }).error, 'IMS.0001: disk full');
    assert.equal(mapJob({ ...base, error_code: null, fail_reason: null, entities: { error_code: 'IMS.0002', error: 'no space' } }).error, 'IMS.0002: no space');
    assert.equal(mapJob({ ...base, entities: { addition_error_code: 'IMS.0003', addition_error_msg: 'vault full' } }).error, 'IMS.0003: vault full');
    assert.equal(mapJob({ ...base, error_code: 'IMS.0001', fail_reason: 'top', entities: { error_code: 'IMS.0002', error: 'inner' } }).error, 'IMS.0001: top', 'the top wins');
    assert.equal(mapJob({ ...base, entities: { error_code: '', error: null } }).error, undefined, 'no words, no made-up text');
  });

  it("reads the documented sample of a running job (fraction, empty end_time, milliseconds)", () => {
    const job = mapJob({
      job_id: 'ff80808280c204e30180d2784c3c0d86',
      job_type: 'imsCopyImageInRegionJob',
      begin_time: '2022-05-17T14:42:20.859Z',
      end_time: '',
      status: 'RUNNING',
      error_code: null,
      fail_reason: null,
      entities: { image_name: 'd0d2', process_percent: 0.4, current_task: 'CopyImageInRegionTask:', subJobId: 'ff8080', image_id: '498cc67e-7795-482c-8c47-32bcece2d7ec' },
    });
    assert.deepEqual([job.state, job.percent, job.startedAt, job.finishedAt, job.imageId, job.error], ['running', 40, '2022-05-17T14:42:20Z', undefined, '498cc67e-7795-482c-8c47-32bcece2d7ec', undefined]);
  });

  it('reads a flavor family from ecs:performancetype or the early hws:performancetype', () => {
    assert.equal(flavorOf({ ram: 1024, os_extra_specs: { 'ecs:performancetype': 'diskintensive' } }).performanceType, 'diskintensive');
    assert.equal(flavorOf({ ram: 1024, os_extra_specs: { 'hws:performancetype': 'highperformance' } }).performanceType, 'highperformance');
    assert.equal(flavorOf({ ram: '2048', vcpus: '1', os_extra_specs: {} }).performanceType, 'normal');
    assert.equal(flavorOf({ ram: '2048', vcpus: '1' }).ramMb, 2048, 'ram as a string too');
  });

  it('reads __whole_image as a Boolean or a string in either case', () => {
    for (const v of [true, 'true', 'True']) {
      assert.equal(isWholeImage({ __whole_image: v }), true, String(v));
      assert.ok(mapImage('cn-east-3', { id: 'i', __whole_image: v, __backup_id: 'b' }, false).wholeMachine);
    }
    for (const v of [false, 'false', 'False', undefined, null, '']) {
      assert.equal(isWholeImage({ __whole_image: v }), false, String(v));
    }
    assert.deepEqual(mapImage('cn-east-3', { id: 'i', __whole_image: true, __backup_id: '' }, false).wholeMachine, {}, 'an empty __backup_id is no backup id');
  });
});
