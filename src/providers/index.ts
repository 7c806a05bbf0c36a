// The provider core's light surface: the model, errors, which clouds exist and each cloud's vocabulary
// (its words -> the common ones: plain data). It loads no provider and no HTTP client: those are in
// ./stack, a bundle of its own loaded on first use.
import type { ProviderError } from './core/errors';
import type { CloudKind } from './core/model';
import { ALIBABA_VOCABULARY } from './alibaba/mapping';
import { BATCHCOMPUTE_VOCABULARY } from './batchcompute/mapping';
import { HUAWEI_VOCABULARY } from './huawei/mapping';
import { QINGCLOUD_VOCABULARY } from './qingcloud/mapping';
import { kindOfHttpStatus, coreErrorKind, type CloudVocabulary, type ErrorKind } from './core/vocabulary';
import type { ErrorReason } from './core/reasons';

export * from './core/model';
export * from './core/errors';
export type * from './core/vocabulary';
export type { ErrorReason, WaitFor, WayOut } from './core/reasons';
export { waitOf, wayOutOf } from './core/reasons';
export type { ImageProvider, ProviderContext } from './core/provider';
export type { HttpClient, HttpOptions, Logger } from './transport/http';

const VOCABULARIES: Readonly<Record<CloudKind, CloudVocabulary>> = {
  alibaba: ALIBABA_VOCABULARY,
  huawei: HUAWEI_VOCABULARY,
  qingcloud: QINGCLOUD_VOCABULARY,
  batchcompute: BATCHCOMPUTE_VOCABULARY,
};

/** Each cloud's rules from its own words (states, error codes, field names) to the common vocabulary. */
export function vocabularyOf(cloud: CloudKind): CloudVocabulary {
  return VOCABULARIES[cloud];
}

/** What kind of failure an error is: the provider core's own codes, then the cloud's rules, then the HTTP status. */
export function errorKindOf(err: ProviderError): ErrorKind {
  const local = err.cloud === 'local';
  const cloudKind = local ? undefined : VOCABULARIES[err.cloud].errorKind(err.code);
  return coreErrorKind(err.code, local) ?? cloudKind ?? kindOfHttpStatus(err.httpStatus) ?? 'other';
}

/** Why the cloud refused, where its table names the code (reasons.ts); undefined for local and unknown codes. */
export function errorReasonOf(err: ProviderError): ErrorReason | undefined {
  return err.cloud === 'local' ? undefined : VOCABULARIES[err.cloud].errorReason?.(err.code);
}
