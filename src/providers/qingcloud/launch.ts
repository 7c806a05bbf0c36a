// Which images a QingCloud instance type can launch, from what each image says of itself in
// DescribeImages (asked by id, 100 at a time: QingcloudLookup.find) — no instance-type listing exists to
// ask. An instance type is read as its cores and memory where its name says them: "c<cores>m<GiB>" (c1m1,
// c2m4, …); the older names (small_b …) are not judged, since no documentation at hand gives their
// sizes. An image whose `processor_type` is 32bit cannot use more than 4 GiB of memory, and an image's
// `recommended_type` is the smallest type it is meant for: a type with more memory than a 32-bit image
// can use, or fewer cores or less memory than the recommended type, contradicts the image. A type of another form is not judged (nothing is said about it).
import type { Image } from '../core/model';
import type { LaunchOperations } from '../core/instanceTypes';
import { str } from '../shared/common';

export interface QingcloudShape {
  readonly cores: number;
  readonly memoryGiB: number;
}


/** The most memory a 32-bit image can address. */
const MAX_32BIT_GIB = 4;

/** An instance type's cores and memory, where its name says them. */
export function shapeOf(instanceType: string): QingcloudShape | undefined {
  const m = /^c(\d{1,3})m(\d{1,4})$/i.exec(instanceType);
  return m ? { cores: Number(m[1]), memoryGiB: Number(m[2]) } : undefined;
}

/** Whether the instance type of this shape can launch the image, from its raw DescribeImages fields. */
export function shapeFits(shape: QingcloudShape, image: Image): boolean {
  const raw = image.raw ?? {};
  if (str(raw['processor_type']) === '32bit' && shape.memoryGiB > MAX_32BIT_GIB) {
    return false;
  }
  const recommended = shapeOf(str(raw['recommended_type']) ?? '');
  return !recommended || (shape.cores >= recommended.cores && shape.memoryGiB >= recommended.memoryGiB);
}

export class QingcloudLaunch implements LaunchOperations {
  constructor(
    /** The zone's images among the ids, with their raw DescribeImages JSON. */
    private readonly images: (zone: string, imageIds: readonly string[], signal?: AbortSignal) => Promise<Image[]>,
  ) {}

  async unsupported(zone: string, instanceType: string, imageIds: readonly string[], signal?: AbortSignal): Promise<ReadonlySet<string> | undefined> {
    const shape = shapeOf(instanceType);
    if (!shape) {
      return new Set();
    }
    return new Set((await this.images(zone, imageIds, signal)).filter((image) => !shapeFits(shape, image)).map((i) => i.id));
  }
}
