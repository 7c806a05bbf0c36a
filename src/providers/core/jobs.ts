// The async jobs a cloud runs for a change (exports, imports, copies; Huawei's shares and answers, QingCloud's
// deletes): how one is known, the state it is in, and the operation group that follows, cancels and lists them.

export type JobKind = 'export' | 'share' | 'unshare' | 'delete' | 'copy' | 'import' | 'accept' | 'reject';

/** 'cancelled': ended by a cancel (the user's, here or elsewhere, or the cloud's), neither done nor failed. */
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** An async job the cloud started (Alibaba TaskId, Huawei job_id, QingCloud job_id). */
export interface JobStart {
  readonly jobId: string;
}

export interface JobStatus {
  readonly jobId: string;
  readonly state: JobState;
  /** 0..100 where the cloud reports a percentage (Alibaba TaskProcess, Huawei process_percent). */
  readonly percent?: number;
  /** The cloud's own words for the state, e.g. "Processing", "RUNNING", "working". */
  readonly cloudState: string;
  /** The cloud's error text when failed. */
  readonly error?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  /** The image the cloud says the job made, where it says so (Huawei entities.image_id: a copy's new image). */
  readonly imageId?: string;
}

export interface DescribeJobsOptions {
  /**
   * The running jobs whose percentage is wanted, where the cloud charges a call per job for it (Alibaba
   * DescribeTaskAttribute); the others come without `percent`. Default: every job.
   */
  readonly progressOf?: readonly string[];
}

export interface JobOperations {
  /** True where each job's status is a request of its own (Huawei ShowJobProgress: IMS has no batch query). */
  readonly statusPerJob?: boolean;
  /** Status of several jobs of one region in as few calls as the cloud allows (batched). Unknown ids are left out. */
  describeJobs(regionId: string, jobIds: readonly string[], signal?: AbortSignal, options?: DescribeJobsOptions): Promise<JobStatus[]>;
  /** Cancels a running job, where the cloud can (Alibaba CancelTask: ImportImage and ExportImage tasks). Sent once. */
  cancelJob?(regionId: string, jobId: string, signal?: AbortSignal): Promise<void>;
  /**
   * The image imports, exports and copies running in a region, whoever started them (the web console, the
   * CLI, another tool), in one listing: Alibaba DescribeTasks, QingCloud DescribeJobs. Absent where the
   * cloud lists no jobs (Huawei IMS: a job is known only by the id its call answered).
   */
  listRunning?(regionId: string, signal?: AbortSignal): Promise<ListedJob[]>;
}

/** A job found by listing the region's jobs (JobOperations.listRunning). */
export interface ListedJob extends JobStatus {
  readonly kind: JobKind;
  /** The image it works on: the exported or copied image, the image an import makes (where the cloud names it). */
  readonly imageId?: string;
  /** A copy: the new image, where the cloud names it. */
  readonly newImageId?: string;
  /** The cloud's name of the operation, e.g. "ExportImage", "CloneImages". */
  readonly cloudAction: string;
}
