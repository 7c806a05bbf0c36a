// The provider core's light surface: the model, errors and which clouds exist. It loads no provider
// and no HTTP client: those are in ./stack (a bundle of its own, loaded on first use).
import type { CloudKind } from './model';

export * from './model';
export * from './errors';
export type { ImageProvider, ProviderContext } from './provider';
export type { HttpClient, HttpOptions, Logger } from './http';

/** Clouds that have a provider in this build; the others are not offered anywhere. */
export const SUPPORTED_CLOUDS: readonly CloudKind[] = ['alibaba', 'huawei', 'qingcloud', 'batchcompute'];
