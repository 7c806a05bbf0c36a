// Images and instance types: the types an image supports (the details panel), and the images an instance type
// cannot launch (the editor's launch checks).

export interface DetailOperations {
  /** Extra facts for the details panel, e.g. Alibaba's supported instance types. */
  instanceTypes?(regionId: string, imageId: string, signal?: AbortSignal): Promise<string[]>;
}

/** Whether images can launch on an instance type, asked in batches (the editor's launch checks). */
export interface LaunchOperations {
  /**
   * Of `imageIds` (images of the region), those the instance type cannot launch, in as few requests as
   * the cloud allows; undefined when the region does not know the instance type. `systemDiskGiB`: the
   * system disk size the file gives beside the images, where it gives one.
   */
  unsupported(regionId: string, instanceType: string, imageIds: readonly string[], signal?: AbortSignal, systemDiskGiB?: number): Promise<ReadonlySet<string> | undefined>;
}
