// What the launch checks find, as data the editor draws (diagnostics, hover lines, quick fixes), and the
// sentences that say each finding: the image in another region (and no room there for a copy), a region
// or an instance type the cloud lacks, an instance type or a system disk the image cannot launch on, a
// share not accepted or rejected, a newer image of the same line.
import * as vscode from 'vscode';
import type { AccountConfig, CloudKind, Image, Region } from '../providers/core/model';
import type { Membership } from '../providers/core/sharing';
import { minSystemDiskGiB } from '../providers/rules/launchKeys';
import { cloudLabel } from '../util/clouds';
import { formatGiB } from '../util/format';
import type { ImageTarget } from './describe';
import type { ImageHit } from './lookup';

export const LAUNCH_CODES = {
  wrongRegion: 'image-wrong-region',
  unknownRegion: 'unknown-region',
  instanceType: 'image-instance-type',
  unknownInstanceType: 'unknown-instance-type',
  systemDisk: 'image-system-disk',
  notAccepted: 'image-not-accepted',
  rejected: 'image-share-rejected',
  quota: 'region-image-quota',
  newer: 'image-newer-available',
} as const;

export interface LaunchFinding {
  readonly code: (typeof LAUNCH_CODES)[keyof typeof LAUNCH_CODES];
  readonly message: string;
  readonly warning: boolean;
  /** Where the image is (Copy to Region…, Open Details). */
  readonly hit?: ImageHit;
  /** The region the file launches the image in, where that is not where it is (Copy to Region… starts with it chosen). */
  readonly target?: string;
  /** A share waiting for this project's answer (Accept). */
  readonly pending?: ImageTarget;
  /** The newest image of the same family or name prefix, to write in place of the ID (Replace with newest). */
  readonly replacement?: Image;
}

export function unknownRegionFinding(region: string, cloud: CloudKind): LaunchFinding {
  return {
    code: LAUNCH_CODES.unknownRegion,
    message: vscode.l10n.t('This file launches the image in "{0}", which is not a region of {1}.', region, cloudLabel(cloud)),
    warning: false,
  };
}

/** A region where a file launches an image: its ID, and its name as the tree shows it (the ID where the name is unknown). */
export interface TargetRegion {
  readonly id: string;
  readonly name: string;
}

export function wrongRegionFinding(hit: ImageHit, target: TargetRegion): LaunchFinding {
  return {
    code: LAUNCH_CODES.wrongRegion,
    message: vscode.l10n.t(
      'The image "{0}" ({1}) is in {2}, but this file launches it in {3}: copy it there, or use an image of {3}.',
      hit.image.name,
      hit.image.id,
      hit.regionName || hit.regionId,
      target.name || target.id,
    ),
    warning: true,
    hit,
    target: target.id,
  };
}

export function quotaFinding(hit: ImageHit, target: TargetRegion, room: { readonly used: number; readonly quota: number }): LaunchFinding {
  return {
    code: LAUNCH_CODES.quota,
    message: vscode.l10n.t('{0} has no room for a copy: {1} of {2} private images are used there.', target.name || target.id, room.used, room.quota),
    warning: true,
    hit,
  };
}

/** The system disk written beside the ID against the smallest one the image launches on, where its cloud says so; undefined when it is large enough. */
export function diskFinding(cloud: CloudKind, hit: ImageHit, givenGiB: number): LaunchFinding | undefined {
  const min = minSystemDiskGiB(cloud, hit.image);
  if (min === undefined || givenGiB >= min) {
    return undefined;
  }
  return {
    code: LAUNCH_CODES.systemDisk,
    message: vscode.l10n.t('The image "{0}" ({1}) needs a system disk of at least {2}; this file gives it {3}.', hit.image.name, hit.image.id, formatGiB(min), formatGiB(givenGiB)),
    warning: true,
    hit,
  };
}

/** An instance type the image's region (where the file launches it) does not offer. */
export function unknownTypeFinding(hit: ImageHit, type: string): LaunchFinding {
  return { code: LAUNCH_CODES.unknownInstanceType, message: vscode.l10n.t('The instance type "{0}" is not offered in {1}.', type, hit.regionName || hit.regionId), warning: false, hit };
}

export function typeFinding(hit: ImageHit, type: string): LaunchFinding {
  return {
    code: LAUNCH_CODES.instanceType,
    message: vscode.l10n.t('The image "{0}" ({1}) cannot be launched on the instance type "{2}" written beside it.', hit.image.name, hit.image.id, type),
    warning: true,
    hit,
  };
}

export function shareFinding(account: AccountConfig, region: Region, name: string, id: string, membership: Exclude<Membership, 'accepted'>): LaunchFinding {
  return membership === 'pending'
    ? {
        code: LAUNCH_CODES.notAccepted,
        message: vscode.l10n.t('The image "{0}" ({1}) was shared with {2} in {3} but is not accepted yet: accept it to launch it.', name, id, account.name, region.name || region.id),
        warning: true,
        pending: { accountId: account.id, regionId: region.id, imageId: id },
      }
    : {
        code: LAUNCH_CODES.rejected,
        message: vscode.l10n.t('The image "{0}" ({1}) was shared with {2} in {3}, and the share was rejected.', name, id, account.name, region.name || region.id),
        warning: true,
      };
}
