// The KMS key of an encrypted copy or import: picked from the region's keys where the cloud lists them
// (Alibaba KMS ListKeys, Huawei DEW/KMS list-keys), with "Type a key ID…" beside them; typed where it does
// not, or when the listing fails (said in a warning, with the cloud's words). A typed ID is checked by
// the cloud's rule as it is typed; a picked one by the same rule before it is used.
import * as vscode from 'vscode';
import type { KeyOperations, KmsKey } from '../../providers/core/keys';
import type { CloudKind } from '../../providers/core/model';
import type { InputProblem } from '../../providers/core/rules';
import { userMessage } from '../../util/errors';
import { inputMessage, messageOf } from '../../util/inputMessages';
import { isGoBack, isUnscriptedPrompt, isUserCancelled, type PickItem, type StepInfo, type UserInput } from '../../util/userInput';

export interface KeyAsk {
  readonly cloud: CloudKind;
  /** The region whose keys can encrypt the new image. */
  readonly regionId: string;
  /** Its name as the tree shows it, for the prompts (else the ID is shown). */
  readonly regionName?: string;
  readonly keys?: KeyOperations;
  readonly check: (keyId: string) => InputProblem | undefined;
  /** What was chosen before (Back), offered first. */
  readonly current?: string;
}

function keyItem(key: KmsKey, current: string | undefined): PickItem<string | undefined> {
  const notes = [key.alias ? key.id : undefined, key.isDefault ? vscode.l10n.t('default key') : undefined].filter((n): n is string => !!n);
  return { label: key.alias ?? key.id, description: notes.join(' · ') || undefined, data: key.id, picked: key.id === current };
}

async function typed(ask: KeyAsk, input: UserInput, info: StepInfo): Promise<string> {
  const value = await input.input({
    ...info,
    prompt: vscode.l10n.t('KMS key ID (a key of {0})', ask.regionName ?? ask.regionId),
    value: ask.current ?? '',
    validateInput: (v) => messageOf(ask.check(v.trim()), ask.cloud),
  });
  return value.trim();
}

/** The key's ID, picked or typed. */
export async function askKmsKey(ask: KeyAsk, input: UserInput, info: StepInfo): Promise<string> {
  const keys = ask.keys;
  if (!keys) {
    return typed(ask, input, info);
  }
  let picked: PickItem<string | undefined>;
  try {
    picked = await input.pickLoaded({ ...info, placeHolder: vscode.l10n.t('KMS key of {0} to encrypt the new image with', ask.regionName ?? ask.regionId) }, async () => {
      const listed = await keys.listKeys(ask.regionId);
      const typeItem: PickItem<string | undefined> = { label: vscode.l10n.t('Type a key ID…'), data: undefined };
      return {
        items: [...listed.map((k) => keyItem(k, ask.current)), typeItem],
        ...(listed.length ? {} : { notes: [vscode.l10n.t('{0} has no key that can encrypt images.', ask.regionName ?? ask.regionId)] }),
      };
    });
  } catch (err) {
    // Only a failed listing falls back to typing; Escape, Back (and a test's unscripted prompt) go on up.
    if (isUserCancelled(err) || isGoBack(err) || isUnscriptedPrompt(err)) {
      throw err;
    }
    void input.notify('warning', vscode.l10n.t('The KMS keys of {0} could not be listed: {1} Type the key ID instead.', ask.regionName ?? ask.regionId, userMessage(err)));
    return typed(ask, input, info);
  }
  if (picked.data === undefined) {
    return typed(ask, input, info);
  }
  const problem = ask.check(picked.data);
  if (problem) {
    throw new Error(inputMessage(problem, ask.cloud));
  }
  return picked.data;
}
