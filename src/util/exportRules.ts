// Bucket and object rules for Export, per cloud, checked before any request.
import * as vscode from 'vscode';
import type { CloudKind } from '../providers/model';

/** OSS and OBS share the bucket-name rules: 3–63 lower-case letters, digits and hyphens, not starting or ending with a hyphen. */
export function validateBucket(value: string): string | undefined {
  const v = value.trim();
  if (!v) {
    return vscode.l10n.t('Enter the bucket name.');
  }
  if (v.length < 3 || v.length > 63) {
    return vscode.l10n.t('A bucket name has 3 to 63 characters; this one has {0}.', v.length);
  }
  if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(v)) {
    return vscode.l10n.t('A bucket name uses lower-case letters, digits and hyphens, and starts and ends with a letter or digit.');
  }
  return undefined;
}

export function validateObject(cloud: CloudKind, value: string): string | undefined {
  const v = value.trim();
  if (cloud === 'alibaba') {
    // ExportImage's OSSPrefix: 1–30 letters and digits.
    if (!/^[A-Za-z0-9]{1,30}$/.test(v)) {
      return vscode.l10n.t('The object prefix has 1 to 30 letters and digits (Alibaba Cloud OSSPrefix).');
    }
    return undefined;
  }
  if (!v) {
    return vscode.l10n.t('Enter the object name.');
  }
  if (v.length > 1023 || v.startsWith('/') || /[\\:*?"<>|]/.test(v)) {
    return vscode.l10n.t('The object name has up to 1,023 characters, does not start with "/", and has none of \\ : * ? " < > |.');
  }
  return undefined;
}
