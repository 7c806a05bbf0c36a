import * as fs from 'fs';
import * as path from 'path';
import { testInput } from '../userInput/testUserInput';

export interface Recorded {
  readonly jobId: string;
  readonly accountId: string;
  readonly regionId: string;
  readonly imageId: string;
  readonly imageName: string;
  readonly percentBefore: number;
  /** A copy started in phase 1 too: its job (the new image's id) and destination region. */
  readonly copy?: { readonly jobId: string; readonly imageId: string; readonly regionId: string };
}

function file(): string {
  const f = process.env['CIE_RESTART_RECORD'];
  if (!f) {
    throw new Error('CIE_RESTART_RECORD is not set: run this through runRestart');
  }
  return f;
}

export function save(r: Recorded): void {
  fs.writeFileSync(file(), JSON.stringify(r));
}

export function load(): Recorded {
  return JSON.parse(fs.readFileSync(file(), 'utf8')) as Recorded;
}

/** The notices that announced the end of the recorded export ("Export of image <image>: done."). */
export function completions(r: Pick<Recorded, 'imageName'>): string[] {
  return testInput.notifications.map((n) => n.message).filter((m) => m === `Export of image ${r.imageName}: done.`);
}

/** The Huawei sandbox regions phase 1 chooses to show (Show/Hide Regions…) and phase 2 finds again. */
export const CHOSEN_REGIONS = ['CN North-Beijing4', 'CN East-Shanghai1'];

/** The upload phase 1 leaves running across the reload (kept beside the export's record). */
export interface RecordedUpload {
  readonly transferId: string;
  readonly file: string;
  /** The object's path in the emulator's request log: /bucket/key. */
  readonly objectPath: string;
  readonly imageName: string;
  readonly partsTotal: number;
  /** Parts the bucket held (and the saved state named) when the window reloaded. */
  readonly partsBefore: number;
}

function uploadFile(): string {
  return path.join(path.dirname(file()), 'upload.json');
}

export function saveUpload(r: RecordedUpload): void {
  fs.writeFileSync(uploadFile(), JSON.stringify(r));
}

export function loadUpload(): RecordedUpload {
  return JSON.parse(fs.readFileSync(uploadFile(), 'utf8')) as RecordedUpload;
}

/** A folder for phase 1's files that phase 2 still finds (the launcher removes it at the end). */
export function recordFolder(): string {
  return path.dirname(file());
}
