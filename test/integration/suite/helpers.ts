import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { CloudKind, Cursor, Image } from '../../../src/providers/core/model';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../../src/tree/nodes';
import { testInput } from '../userInput/testUserInput';

export const EXTENSION_ID = 'cloud-image-explorer.cloud-image-explorer';

export async function api(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) {
    throw new Error(`${EXTENSION_ID} is not installed in this host`);
  }
  return ext.activate();
}

export function label(node: Node): string {
  const l = node.treeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

/** Children of a node the way the view asks for them. */
export async function children(a: ExtensionApi, node?: Node): Promise<Node[]> {
  return (await a.tree.getChildren(node)) ?? [];
}

/** The Sandbox account's region node of a cloud. */
export async function sandboxRegion(a: ExtensionApi, cloud: CloudKind, regionId: string): Promise<RegionNode> {
  const account = (await children(a)).find(
    (n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.sandbox === true && (n as AccountNode).account.cloud === cloud,
  );
  if (!account) {
    throw new Error(`no ${cloud} sandbox account`);
  }
  const region = (await children(a, account)).find((n): n is RegionNode => n.kind === 'region' && (n as RegionNode).region.id === regionId);
  if (!region) {
    throw new Error(`no region ${regionId} in the ${cloud} sandbox`);
  }
  return region;
}

/** The first `count` of the account's own images with a status, loading more pages as needed. */
export async function ownImages(a: ExtensionApi, region: RegionNode, count: number, status: string): Promise<ImageNode[]> {
  let nodes: Node[] = await children(a, region);
  const mine = (): ImageNode[] =>
    nodes.filter((n): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.owner === 'self' && (n as ImageNode).image.status === status);
  while (mine().length < count && nodes[nodes.length - 1]?.kind === 'loadMore') {
    await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
    nodes = await children(a, region);
  }
  if (mine().length < count) {
    throw new Error(`fewer than ${count} own ${status} images in ${region.region.id}`);
  }
  return mine().slice(0, count);
}

/** Every image node of a region, its pages loaded to the end. */
export async function allImageNodes(a: ExtensionApi, region: RegionNode): Promise<ImageNode[]> {
  let nodes: Node[] = await children(a, region);
  while (nodes[nodes.length - 1]?.kind === 'loadMore') {
    await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
    nodes = await children(a, region);
  }
  return nodes.filter((n): n is ImageNode => n.kind === 'image');
}

/** Polls until the probe gives a value. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await probe();
    if (v) {
      return v;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Resolves at the Jobs tracker's next change (a poll has run, its announcements included). */
export function nextJobsChange(a: ExtensionApi): Promise<void> {
  return new Promise((resolve) => {
    const sub = a.jobs.onDidChange(() => {
      sub.dispose();
      resolve();
    });
  });
}

/** What the details panel of an image is known by. */
export function identity(node: ImageNode): { accountId: string; regionId: string; imageId: string } {
  return { accountId: node.account.id, regionId: node.parent.region.id, imageId: node.image.id };
}

/**
 * A hover or tooltip as the user reads it: a MarkdownString's text comes with escaped punctuation and
 * non-breaking spaces, shown as plain characters.
 */
export function readable(tooltip: string | vscode.MarkdownString | undefined): string {
  if (typeof tooltip === 'string') {
    return tooltip;
  }
  return (tooltip?.value ?? '').replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

/**
 * What every test of a suite leaves behind is cleaned after it: the sandbox's injected faults, the
 * scripted answers (all of them used, when `scriptUsed`), the open details panels.
 */
export function cleanAfterEach(a: () => ExtensionApi, options: { faults?: boolean; scriptUsed?: boolean; panels?: boolean }): void {
  afterEach(async () => {
    const ext = a();
    if (options.faults) {
      (await ext.sandbox()).faults.clear();
    }
    if (options.scriptUsed) {
      const left = testInput.pending.length;
      testInput.clearScript();
      if (left !== 0) {
        throw new Error(`${left} scripted answers were not used`);
      }
    } else {
      testInput.clearScript();
    }
    if (options.panels) {
      ext.panels.closeAll();
    }
  });
}

/** The region's image node of a name, loading pages only until it shows. */
export async function imageNamed(a: ExtensionApi, region: RegionNode, name: string): Promise<ImageNode | undefined> {
  let nodes: Node[] = await children(a, region);
  for (;;) {
    const found = nodes.find((n): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.name === name);
    if (found || nodes[nodes.length - 1]?.kind !== 'loadMore') {
      return found;
    }
    await vscode.commands.executeCommand('cloudImageExplorer.loadMore', nodes[nodes.length - 1]);
    nodes = await children(a, region);
  }
}

/** The account's own images in a region as the cloud lists them (every page at the largest size), not the tree. */
export async function ownListed(a: ExtensionApi, region: RegionNode): Promise<Image[]> {
  const provider = await a.provider(region.account);
  const own: Image[] = [];
  let cursor: Cursor | undefined;
  do {
    const page = await provider.listImages({ regionId: region.region.id, pageSize: provider.maxPageSize, cursor, filter: { owner: 'self' } });
    own.push(...page.items.filter((i) => i.owner === 'self'));
    cursor = page.next;
  } while (cursor);
  return own;
}
