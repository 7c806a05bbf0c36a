// QingCloud DeleteImages and DescribeJobs in the sandbox, on the emulator's shared job clock
// (sandbox/jobs.ts): a job is 'pending', then 'working', then 'successful' by the time elapsed since it
// started (EmulatorOptions.jobDurationMs). When a delete job succeeds its images become 'deleted' and
// leave the default DescribeImages listing. A job made to fail (FaultPlan.failJobs, operation
// "DeleteImages") is 'failed' and leaves its image in place; over several images it is 'done with
// failure': the first image stays, the others are deleted.
import { JobLedger, type SandboxJob, type SandboxJobPhase } from '../jobs';
import type { EmulatorResponse } from '../types';
import { QINGCLOUD_COPY_RULES } from '../../providers/qingcloud/rules';
import type { QingcloudImage } from './data';
import { isoSecond, listParam, ok, paged, parameterError, permissionDenied, type Params } from './params';
import { isResponse, ownImage, zoneScope, type QingcloudWorld } from './world';

/** images.N per DeleteImages call. */
export const MAX_DELETE = 100;
/** CloneImages count: QingCloud documents no ceiling; the sandbox takes up to 10. */
const MAX_CLONES = 10;
const JOB_STATUSES = ['pending', 'working', 'successful', 'failed', 'done with failure'];
const STATUS: Readonly<Record<SandboxJobPhase, string>> = { queued: 'pending', running: 'working', succeeded: 'successful', failed: 'failed' };

interface ImageJobData {
  readonly zone: string;
  readonly images: readonly QingcloudImage[];
  /** CloneImages: the image cloned (listed first in resource_ids); its images are the clones. */
  readonly source?: string;
  /** True once the job's effect is on the images. */
  settled: boolean;
}

export class QingcloudImageJobs {
  private readonly ledger = new JobLedger<ImageJobData>();

  constructor(private readonly world: QingcloudWorld) {}

  /** Applies the effect of every job that has finished and was not applied yet; true if there was any. */
  settle(): boolean {
    let applied = false;
    for (const { job, data } of this.ledger.all()) {
      const snap = this.world.jobClock.snapshot(job);
      if (data.settled || snap.finishedAt === undefined) {
        continue;
      }
      data.settled = true;
      applied = true;
      const at = isoSecond(snap.finishedAt);
      if (data.source !== undefined) {
        // A clone becomes available; a failed one is gone (ceased).
        data.images.forEach((image) => {
          image['transition_status'] = '';
          image.status = snap.phase === 'failed' ? 'ceased' : 'available';
          image['status_time'] = at;
        });
        continue;
      }
      // A failed job keeps its first image (all of them, when it has one); the rest are deleted.
      const kept = snap.phase === 'failed' ? 1 : 0;
      data.images.forEach((image, n) => {
        image['transition_status'] = '';
        if (n >= kept) {
          image.status = 'deleted';
          image['status_time'] = at;
        }
      });
    }
    return applied;
  }

  deleteImages(params: Params): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const ids = [...new Set(listParam(params, 'images'))];
    if (!ids.length) {
      return parameterError('the parameter [images] is required');
    }
    if (ids.length > MAX_DELETE) {
      return parameterError(`at most ${MAX_DELETE} images per request`);
    }
    const images: QingcloudImage[] = [];
    for (const id of ids) {
      const image = ownImage(scope, id);
      if (isResponse(image)) {
        return image;
      }
      if (image.status !== 'available' || image['transition_status']) {
        const state = image['transition_status'] ? `${image.status}/${String(image['transition_status'])}` : image.status;
        return permissionDenied(`image [${id}] is [${state}], only an available image can be deleted`);
      }
      images.push(image);
    }
    for (const image of images) {
      image['transition_status'] = 'deleting';
    }
    const job = this.world.jobClock.start('qingcloud', 'DeleteImages', this.world.newId('j'));
    this.ledger.add(job, { zone: scope.zone, images, settled: false });
    return ok('DeleteImages', { job_id: job.id });
  }

  /** CloneImages zone image count image_name -> {images, job_id}: count clones (default 1), pending and creating until the job ends. */
  cloneImages(params: Params): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const id = params['image'];
    if (!id) {
      return parameterError('the parameter [image] is required');
    }
    const count = Number(params['count'] ?? '1');
    if (!Number.isInteger(count) || count < 1 || count > MAX_CLONES) {
      return parameterError(`the parameter [count] must be an integer from 1 to ${MAX_CLONES}`);
    }
    const name = params['image_name'];
    if (name !== undefined && QINGCLOUD_COPY_RULES.checkName(name)) {
      return parameterError('the parameter [image_name] is invalid');
    }
    const image = ownImage(scope, id);
    if (isResponse(image)) {
      return image;
    }
    if (image.status !== 'available' || image['transition_status']) {
      return permissionDenied(`image [${id}] is [${image.status}], only an available image can be cloned`);
    }
    const at = isoSecond(this.world.now());
    const clones: QingcloudImage[] = [];
    for (let n = 0; n < count; n++) {
      const clone: QingcloudImage = { ...image, image_id: this.world.newId('img'), image_name: name ?? image.image_name, status: 'pending', transition_status: 'creating', tags: [], create_time: at, status_time: at };
      scope.images.push(clone);
      clones.push(clone);
    }
    const job = this.world.jobClock.start('qingcloud', 'CloneImages', this.world.newId('j'));
    this.ledger.add(job, { zone: scope.zone, images: clones, source: id, settled: false });
    return ok('CloneImages', { images: clones.map((c) => c.image_id), job_id: job.id });
  }

  describeJobs(params: Params): EmulatorResponse {
    const scope = zoneScope(this.world, params);
    if (isResponse(scope)) {
      return scope;
    }
    const ids = listParam(params, 'jobs');
    const statuses = listParam(params, 'status');
    const bad = statuses.find((s) => !JOB_STATUSES.includes(s));
    if (bad !== undefined) {
      return parameterError(`invalid job status [${bad}]`);
    }
    const set = this.ledger
      .all()
      .filter(({ job, data }) => data.zone === scope.zone && (!ids.length || ids.includes(job.id)))
      .map((entry) => this.wire(entry))
      .filter((j) => !statuses.length || statuses.includes(j.status))
      .reverse();
    return paged(params, 'DescribeJobs', 'job_set', set);
  }

  private wire({ job, data }: { job: SandboxJob; data: ImageJobData }): Record<string, unknown> & { status: string } {
    const snap = this.world.jobClock.snapshot(job);
    const partial = snap.phase === 'failed' && data.images.length > 1;
    const resourceIds = [...(data.source === undefined ? [] : [data.source]), ...data.images.map((i) => i.image_id)];
    return {
      job_id: job.id,
      job_action: job.operation,
      status: partial ? 'done with failure' : STATUS[snap.phase],
      resource_ids: resourceIds.join(' '),
      owner: this.world.userId,
      create_time: isoSecond(job.startedAt),
      status_time: isoSecond(snap.finishedAt ?? job.startedAt),
      directive: JSON.stringify({ images: resourceIds, zone: data.zone }),
      error_codes: snap.error ?? '',
    };
  }
}
