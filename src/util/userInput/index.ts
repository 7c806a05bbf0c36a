export * from './types';
export { VsCodeUserInput } from './vscodeUserInput';
export { ReplaceableUserInput } from './replaceable';
