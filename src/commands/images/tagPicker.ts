// The Tag command's questions: a key (a recent tag, one the account already uses, or a new one typed),
// then a value (one already used with that key, none, or a new one typed); each checked by the cloud's
// rules as it is typed, so nothing invalid reaches a request. The account's keys and values are read once
// per account and region for the command's life.
import * as vscode from 'vscode';
import type { InputProblem } from '../../providers/core/rules';
import type { CloudKind, Tag } from '../../providers/core/model';
import { usedTags } from '../../providers/shared/common';
import type { TagOperations, UsedTag } from '../../providers/core/tags';
import type { ImageNode } from '../../tree/nodes';
import { logLine } from '../../util/errors';
import { inputMessage } from '../../util/inputMessages';
import type { PickItem } from '../../util/userInput';
import { runWizard } from '../../util/wizard';
import type { CommandContext } from '../shared/context';
import { byRegion } from '../shared/targets';
import { formatList } from '../../util/format';

export function formatTag(tag: Tag): string {
  return tag.value ? `${tag.key}=${tag.value}` : tag.key;
}

/** Parses "key=value" (or "key" alone), trimming each side. */
export function parseTag(text: string): Tag {
  const eq = text.indexOf('=');
  return eq < 0 ? { key: text.trim(), value: '' } : { key: text.slice(0, eq).trim(), value: text.slice(eq + 1).trim() };
}

/** The keys and values the account uses, per account and region, read at most once. */
export class UsedTagsCache {
  private readonly read = new Map<string, Promise<UsedTag[]>>();

  constructor(private readonly ctx: CommandContext) {}

  /** The union over the regions of the images (a region that cannot be read adds nothing, and is logged). */
  async forImages(tags: TagOperations, nodes: readonly ImageNode[]): Promise<UsedTag[]> {
    const lists = await Promise.all(
      [...byRegion(nodes).keys()].map((regionId) => {
        const key = `${nodes[0]!.account.id}/${regionId}`;
        let list = this.read.get(key);
        if (!list) {
          list = tags.usedTags(regionId).catch((err: unknown) => {
            this.ctx.log.warn(`Could not read the tags used in ${regionId}: ${logLine(err)}`);
            return [];
          });
          this.read.set(key, list);
        }
        return list;
      }),
    );
    return usedTags(lists.flat());
  }
}

interface Answers {
  key?: string;
  value?: string;
}

type Choice = { readonly kind: 'tag'; readonly tag: Tag } | { readonly kind: 'key'; readonly key: string } | { readonly kind: 'new' };

export interface TagQuestion {
  readonly title: string;
  readonly cloud: CloudKind;
  readonly namesOnly: boolean;
  readonly used: readonly UsedTag[];
  readonly recent: readonly string[];
  /** The tags each target image carries now, one list per image. */
  readonly onImages: readonly (readonly Tag[])[];
  readonly check: (tag: Tag) => InputProblem | undefined;
}

/**
 * What the user typed in the picker and pressed Enter on, kept: taken as it is when the cloud's rules
 * accept it, else the input box opens with it (and says what is wrong); nothing typed opens it empty.
 */
async function keepTyped(typed: string | undefined, problem: (text: string) => string | undefined, ask: (value: string | undefined) => Promise<string>): Promise<string> {
  return typed && !problem(typed) ? typed : (await ask(typed)).trim();
}

/** How many of the images carry each key, in words ("on 2 of 3 images"); undefined for a key on none. */
function keysOnImages(onImages: readonly (readonly Tag[])[]): (key: string, total: number) => string | undefined {
  const counts = new Map<string, number>();
  for (const tags of onImages) {
    for (const key of new Set(tags.map((t) => t.key))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return (key, total) => {
    const n = counts.get(key) ?? 0;
    if (!n) {
      return undefined;
    }
    if (total === 1) {
      return vscode.l10n.t('on this image');
    }
    return n === total ? vscode.l10n.t('on all {0} images', total) : vscode.l10n.t('on {0} of {1} images', n, total);
  };
}

/** Asks for the tag; undefined never: Escape throws UserCancelledError (a silent cancellation). */
export async function askTag(ctx: CommandContext, q: TagQuestion): Promise<Tag> {
  const answers: Answers = {};
  const keyProblem = (key: string): string | undefined => {
    const problem = q.check({ key: key.trim(), value: '' });
    // A value's own problem is the next step's concern.
    return problem && !('field' in problem && problem.field === 'tagValue') ? inputMessage(problem, q.cloud) : undefined;
  };
  await runWizard<Answers>(
    q.title,
    [
      {
        run: async (state, input, info) => {
          const carrying = keysOnImages(q.onImages);
          const onImages = (key: string): string | undefined => carrying(key, q.onImages.length);
          const items: PickItem<Choice>[] = [
            ...q.recent.map((r) => ({ label: r, description: vscode.l10n.t('recently used'), data: { kind: 'tag', tag: parseTag(r) } as Choice })),
            ...q.used.map((u) => ({
              label: u.key,
              description: onImages(u.key) ?? vscode.l10n.t('used in this account'),
              detail: formatList(u.values.filter(Boolean)) || undefined,
              data: { kind: 'key', key: u.key } as Choice,
            })),
            ...[...new Set(q.onImages.flat().map((t) => t.key))]
              .filter((k) => !q.used.some((u) => u.key === k))
              .map((k) => ({ label: k, description: onImages(k), data: { kind: 'key', key: k } as Choice })),
            { label: q.namesOnly ? vscode.l10n.t('$(add) New tag name…') : vscode.l10n.t('$(add) New key…'), data: { kind: 'new' } as Choice, takesTyped: true },
          ];
          const picked = await input.pick(items, { ...info, placeHolder: q.namesOnly ? vscode.l10n.t('Tag name') : vscode.l10n.t('Tag key') });
          const choice = picked.data;
          if (choice.kind === 'tag') {
            state.key = choice.tag.key;
            state.value = choice.tag.value;
            return;
          }
          state.value = undefined;
          const prompt = q.namesOnly ? vscode.l10n.t('The new tag name') : vscode.l10n.t('The new tag key');
          state.key = choice.kind === 'key' ? choice.key : await keepTyped(picked.typed, keyProblem, (value) => input.input({ ...info, prompt, value, validateInput: keyProblem }));
        },
      },
      {
        applies: (state) => !q.namesOnly && state.value === undefined,
        run: async (state, input, info) => {
          const key = state.key ?? '';
          const used = q.used.find((u) => u.key === key)?.values ?? [];
          type ValueChoice = { readonly value: string } | undefined;
          const items: PickItem<ValueChoice>[] = [
            ...used.filter(Boolean).map((v) => ({ label: v, description: vscode.l10n.t('used with {0}', key), data: { value: v } as ValueChoice })),
            { label: vscode.l10n.t('(no value)'), data: { value: '' } as ValueChoice },
            { label: vscode.l10n.t('$(add) New value…'), data: undefined as ValueChoice, takesTyped: true },
          ];
          const picked = await input.pick(items, { ...info, placeHolder: vscode.l10n.t('Value of {0}', key) });
          const valueProblem = (value: string): string | undefined => {
            const problem = q.check({ key, value: value.trim() });
            return problem ? inputMessage(problem, q.cloud) : undefined;
          };
          const prompt = vscode.l10n.t('The value of {0}', key);
          state.value = picked.data
            ? picked.data.value
            : await keepTyped(picked.typed, valueProblem, (value) => input.input({ ...info, prompt, value, validateInput: valueProblem }));
        },
      },
    ],
    answers,
    ctx.ui,
  );
  return { key: answers.key ?? '', value: answers.value ?? '' };
}
