// Which clouds list the jobs of a region (so that jobs started elsewhere — the web console, the CLI — can
// be shown): Alibaba DescribeTasks and QingCloud DescribeJobs do; Huawei IMS does not (ShowJobProgress
// takes a job id that only its starter knows). Clouds without jobs (BatchCompute) have nothing to list.
import type { CloudKind } from '../core/model';

export const LISTS_JOBS: Readonly<Record<CloudKind, 'yes' | 'no' | 'noJobs'>> = {
  alibaba: 'yes',
  huawei: 'no',
  qingcloud: 'yes',
  batchcompute: 'noJobs',
};
