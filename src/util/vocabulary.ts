// The human words of the providers' common vocabulary (src/providers/core/vocabulary.ts), in the display language.
import * as vscode from 'vscode';
import { vocabularyOf } from '../providers';
import type { CloudKind, Image, ImageOwner } from '../providers/core/model';
import type { Member } from '../providers/core/sharing';
import type { FieldGroup, FieldId, FieldWord, ImageState, MemberState } from '../providers/core/vocabulary';

/** The common state of a cloud's image (each cloud's own words mapped by its provider). */
export function imageState(cloud: CloudKind, image: Pick<Image, 'status' | 'raw'>): ImageState {
  return vocabularyOf(cloud).imageState(image);
}

export function imageStateLabel(state: ImageState): string {
  switch (state) {
    case 'available':
      return vscode.l10n.t('Available');
    case 'creating':
      return vscode.l10n.t('Creating');
    case 'queued':
      return vscode.l10n.t('Queued');
    case 'unavailable':
      return vscode.l10n.t('Unavailable');
    case 'failed':
      return vscode.l10n.t('Creation failed');
    case 'deprecated':
      return vscode.l10n.t('Deprecated');
    case 'suspended':
      return vscode.l10n.t('Suspended');
    case 'deleting':
      return vscode.l10n.t('Deleting');
    case 'deleted':
      return vscode.l10n.t('Deleted');
    case 'unknown':
      return vscode.l10n.t('Unknown');
  }
}

/** The words a cloud's console uses for where an image comes from: public, custom, shared… */
export function ownerLabel(owner: ImageOwner): string {
  switch (owner) {
    case 'system':
      return vscode.l10n.t('Public image');
    case 'self':
      return vscode.l10n.t('Custom image');
    case 'shared':
      return vscode.l10n.t('Shared image');
    case 'marketplace':
      return vscode.l10n.t('Marketplace image');
    case 'community':
      return vscode.l10n.t('Community image');
    case 'unknown':
      return vscode.l10n.t('Unknown');
  }
}

export function memberStateLabel(state: MemberState): string {
  switch (state) {
    case 'accepted':
      return vscode.l10n.t('Accepted');
    case 'pending':
      return vscode.l10n.t('Waiting for acceptance');
    case 'rejected':
      return vscode.l10n.t('Rejected');
    case 'unknown':
      return vscode.l10n.t('Unknown');
  }
}

/** A member's answer in words, where the cloud reports one. */
export function memberStatus(cloud: CloudKind, member: Member): string | undefined {
  const rule = vocabularyOf(cloud).memberState;
  return member.status && rule ? memberStateLabel(rule(member.status)) : undefined;
}

export function groupLabel(group: FieldGroup): string {
  switch (group) {
    case 'general':
      return vscode.l10n.t('Overview');
    case 'system':
      return vscode.l10n.t('Operating system');
    case 'storage':
      return vscode.l10n.t('Disks and size');
    case 'access':
      return vscode.l10n.t('Sharing and access');
    case 'other':
      return vscode.l10n.t('Other fields from the cloud');
  }
}

const FIELD_LABELS: Readonly<Record<FieldId, () => string>> = {
  id: () => vscode.l10n.t('ID'),
  name: () => vscode.l10n.t('Name'),
  description: () => vscode.l10n.t('Description'),
  status: () => vscode.l10n.t('Status'),
  transition: () => vscode.l10n.t('In progress'),
  progress: () => vscode.l10n.t('Progress'),
  owner: () => vscode.l10n.t('Type'),
  ownerId: () => vscode.l10n.t('Owner ID'),
  createdAt: () => vscode.l10n.t('Created'),
  updatedAt: () => vscode.l10n.t('Updated'),
  activeAt: () => vscode.l10n.t('Became available'),
  statusTime: () => vscode.l10n.t('Status changed'),
  family: () => vscode.l10n.t('Image family'),
  version: () => vscode.l10n.t('Image version'),
  usage: () => vscode.l10n.t('In use by instances'),
  origin: () => vscode.l10n.t('Created from'),
  baseImage: () => vscode.l10n.t('Base image'),
  ecsImage: () => vscode.l10n.t('ECS image ID'),
  osName: () => vscode.l10n.t('OS'),
  osNameEn: () => vscode.l10n.t('OS (English name)'),
  osType: () => vscode.l10n.t('OS type'),
  osBits: () => vscode.l10n.t('Bits'),
  platform: () => vscode.l10n.t('Platform'),
  architecture: () => vscode.l10n.t('Architecture'),
  bootMode: () => vscode.l10n.t('Boot mode'),
  hypervisor: () => vscode.l10n.t('Virtualisation'),
  minRam: () => vscode.l10n.t('Minimum memory'),
  recommendedType: () => vscode.l10n.t('Recommended instance type'),
  defaultUser: () => vscode.l10n.t('Default user'),
  nvme: () => vscode.l10n.t('NVMe support'),
  imds: () => vscode.l10n.t('Metadata service (IMDS)'),
  size: () => vscode.l10n.t('Size'),
  minDisk: () => vscode.l10n.t('Minimum system disk'),
  imageSize: () => vscode.l10n.t('Image file size'),
  diskFormat: () => vscode.l10n.t('Disk format'),
  containerFormat: () => vscode.l10n.t('Container format'),
  checksum: () => vscode.l10n.t('Checksum'),
  diskDevice: () => vscode.l10n.t('Disk device'),
  diskSize: () => vscode.l10n.t('Disk size'),
  diskSnapshot: () => vscode.l10n.t('Disk snapshot'),
  diskType: () => vscode.l10n.t('Disk type'),
  diskProgress: () => vscode.l10n.t('Disk progress'),
  diskEncrypted: () => vscode.l10n.t('Disk encrypted'),
  encrypted: () => vscode.l10n.t('Encrypted'),
  kmsKey: () => vscode.l10n.t('KMS key'),
  visibility: () => vscode.l10n.t('Visibility'),
  public: () => vscode.l10n.t('Public'),
  selfShared: () => vscode.l10n.t('Shared by you'),
  wholeImage: () => vscode.l10n.t('Whole-machine image'),
  backupId: () => vscode.l10n.t('Backup of the whole-machine image'),
  copied: () => vscode.l10n.t('Copied from another image'),
  subscribed: () => vscode.l10n.t('Subscribed (Marketplace)'),
  protected: () => vscode.l10n.t('Protected'),
  productCode: () => vscode.l10n.t('Marketplace product code'),
  resourceGroup: () => vscode.l10n.t('Resource group'),
  enterpriseProject: () => vscode.l10n.t('Enterprise project'),
  license: () => vscode.l10n.t('License type'),
  tags: () => vscode.l10n.t('Tags'),
};

export function fieldLabel(id: FieldId): string {
  return FIELD_LABELS[id]();
}

export function fieldWord(word: FieldWord): string {
  switch (word) {
    case 'yes':
      return vscode.l10n.t('Yes');
    case 'no':
      return vscode.l10n.t('No');
    case 'systemDisk':
      return vscode.l10n.t('System disk');
    case 'dataDisk':
      return vscode.l10n.t('Data disk');
    case 'public':
      return vscode.l10n.t('Public');
    case 'private':
      return vscode.l10n.t('Private');
    case 'shared':
      return vscode.l10n.t('Shared');
    case 'wholeMachine':
      return vscode.l10n.t('Yes. {0}', wholeMachineZones());
  }
}

/**
 * Where a whole-machine image (Huawei full-ECS image) can be used, as Huawei's documentation says: while its
 * backup is being made, in the source server's availability zone only. IMS's API reports that state in no field.
 */
export function wholeMachineZones(): string {
  return vscode.l10n.t('Only the source server\'s availability zone until its backup is complete: the console shows "Available in AZ x" meanwhile; IMS reports this state in no field.');
}
