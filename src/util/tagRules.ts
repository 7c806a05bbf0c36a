// Each cloud's tag rules, checked before any request. Messages say exactly what is wrong.
import * as vscode from 'vscode';
import type { CloudKind, Tag } from '../providers/model';

/** Parses "key=value" (or "key" alone). */
export function parseTag(text: string): Tag {
  const eq = text.indexOf('=');
  return eq < 0 ? { key: text.trim(), value: '' } : { key: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

export function validateTag(cloud: CloudKind, tag: Tag): string | undefined {
  const { key, value } = tag;
  if (!key) {
    return vscode.l10n.t('Enter a tag key, as key=value.');
  }
  switch (cloud) {
    case 'alibaba':
      if (key.length > 128) {
        return vscode.l10n.t('The key has {0} characters; Alibaba Cloud allows at most {1}.', key.length, 128);
      }
      if (/^(aliyun|acs:)/i.test(key)) {
        return vscode.l10n.t('Alibaba Cloud reserves keys that start with "aliyun" or "acs:".');
      }
      if (/https?:\/\//i.test(key) || /https?:\/\//i.test(value)) {
        return vscode.l10n.t('Alibaba Cloud tags cannot contain "http://" or "https://".');
      }
      if (value.length > 128) {
        return vscode.l10n.t('The value has {0} characters; Alibaba Cloud allows at most {1}.', value.length, 128);
      }
      if (/^(aliyun|acs:)/i.test(value)) {
        return vscode.l10n.t('Alibaba Cloud reserves values that start with "aliyun" or "acs:".');
      }
      return undefined;
    case 'huawei':
      if (key.length > 128) {
        return vscode.l10n.t('The key has {0} characters; Huawei Cloud allows at most {1}.', key.length, 128);
      }
      if (value.length > 255) {
        return vscode.l10n.t('The value has {0} characters; Huawei Cloud allows at most {1}.', value.length, 255);
      }
      if (!/^[\p{L}\p{N}_.:=+\-@ ]+$/u.test(key) || /^_sys_/i.test(key)) {
        return vscode.l10n.t('Huawei Cloud keys may use letters, digits, spaces and _ . : = + - @, and may not start with "_sys_".');
      }
      if (value && !/^[\p{L}\p{N}_.:/=+\-@ ]*$/u.test(value)) {
        return vscode.l10n.t('Huawei Cloud values may use letters, digits, spaces and _ . : / = + - @.');
      }
      return undefined;
    case 'qingcloud':
      if (value) {
        return vscode.l10n.t('QingCloud tags are names without values: enter only the name.');
      }
      if (key.length > 15) {
        return vscode.l10n.t('The tag name has {0} characters; QingCloud allows at most {1}.', key.length, 15);
      }
      return undefined;
    case 'batchcompute':
      return vscode.l10n.t('BatchCompute images have no tags.');
  }
}
