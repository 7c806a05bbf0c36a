// Accounts: the same checks for every cloud but the shape of the AccessKey ID.
import type { InputProblem, KeyShape } from '../core/rules';
import { checkText } from './text';
import { type TextRule } from '../core/rules';

export const ACCOUNT_NAME_RULE: TextRule = { field: 'accountName', min: 1, max: 64 };

export function checkAccountName(name: string): InputProblem | undefined {
  return checkText(name, ACCOUNT_NAME_RULE);
}

export function checkAccessKeyId(value: string, shape: KeyShape): InputProblem | undefined {
  const problem = checkText(value, { field: 'accessKeyId', min: 1, max: 160 });
  if (problem) {
    return problem;
  }
  const prefix = shape.prefix ?? '';
  const rest = value.startsWith(prefix) ? value.slice(prefix.length) : '';
  const chars = shape.upperOnly ? /^[A-Z0-9]+$/ : /^[A-Za-z0-9]+$/;
  return chars.test(rest) && rest.length >= shape.min && rest.length <= shape.max ? undefined : { code: 'accessKeyShape', shape };
}

/** Secrets are 30 to 40 characters on these clouds; 16 to 128 without white space is what is accepted. */
export function checkSecret(value: string): InputProblem | undefined {
  return checkText(value, { field: 'secret', min: 16, max: 128, charset: { name: 'noSpaces', test: (v) => !/\s/.test(v) } });
}

/**
 * The security token of temporary credentials (Alibaba STS, Huawei temporary AK/SK): a long opaque string,
 * hundreds to a few thousand characters; 16 to 16,384 without white space is what is accepted.
 */
export function checkSecurityToken(value: string): InputProblem | undefined {
  return checkText(value, { field: 'securityToken', min: 16, max: 16_384, charset: { name: 'noSpaces', test: (v) => !/\s/.test(v) } });
}

/** A loopback host: localhost, 127.0.0.0/8 or ::1. Plain HTTP is allowed to these only. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** An endpoint override: empty, or scheme://host[:port] with https, or http to a loopback host; no credentials, no path. */
export function checkEndpoint(value: string): InputProblem | undefined {
  if (!value.length) {
    return undefined;
  }
  const problem = checkText(value, { field: 'endpoint', min: 1, max: 2048 });
  if (problem) {
    return problem;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: 'endpointUrl' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { code: 'endpointScheme' };
  }
  if (url.username || url.password) {
    return { code: 'endpointCredentials' };
  }
  if (url.pathname !== '/' || url.search || url.hash) {
    return { code: 'endpointPath' };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { code: 'endpointInsecure', host: url.hostname };
  }
  return undefined;
}
