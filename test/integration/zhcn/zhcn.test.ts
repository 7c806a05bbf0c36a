// The extension as a Chinese-speaking user sees it, in the real extension host with VS Code's display
// language zh-cn: the labels, values and messages actually shown in the tree, a command's prompts,
// errors and the details panel with a running job.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension';
import type { AccountNode, ImageNode, Node, RegionNode } from '../../../src/tree/nodes';
import { api, children, EXTENSION_ID, identity, label, ownImages, sandboxRegion, until } from '../suite/helpers';
import { testInput } from '../userInput/testUserInput';

/** "2024年3月5日 14:03（1 年前）": a Chinese date and time with its age. */
const ZH_TIME = /\d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}（[^）]*[\u4e00-\u9fff][^）]*）/;

/** The tooltip as the user reads it on hover (built then: resolveTreeItem; a MarkdownString's text comes escaped: \\_ and &nbsp;). */
function tooltip(a: ExtensionApi, node: Node): string {
  const t = a.tree.resolveTreeItem(node.treeItem(), node).tooltip;
  return typeof t === 'string' ? t : (t?.value ?? '').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

function description(node: Node): string {
  return String(node.treeItem().description ?? '');
}

describe('简体中文 (zh-cn) in the real extension host', () => {
  let a: ExtensionApi;

  before(async () => {
    a = await api();
    await vscode.workspace.getConfiguration('cloudImageExplorer').update('pageSize', 50, vscode.ConfigurationTarget.Global);
  });

  afterEach(() => {
    a.panels.closeAll();
  });

  it('activates with VS Code in Chinese: its manifest and its messages', async () => {
    assert.equal(vscode.env.language, 'zh-cn');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(ext.isActive);
    type Title = string | { value: string; original: string };
    const contributes = (ext.packageJSON as { contributes: { viewsContainers: { activitybar: { title: Title }[] }; commands: { command: string; title: Title }[] } }).contributes;
    const text = (t: Title | undefined): string | undefined => (typeof t === 'object' ? t.value : t);
    assert.equal(text(contributes.viewsContainers.activitybar[0]!.title), '云镜像');
    assert.deepEqual(contributes.commands.find((c) => c.command === 'cloudImageExplorer.delete')?.title, { value: '删除…', original: 'Delete…' });
    assert.equal(vscode.l10n.t('Sandbox'), '沙箱');
    await vscode.commands.executeCommand('workbench.view.extension.cloudImageExplorer');
  });

  it('shows the tree in Chinese down to the images: accounts, regions, states, types, dates and sizes', async () => {
    const account = (await children(a)).find((n): n is AccountNode => n.kind === 'account' && (n as AccountNode).account.cloud === 'alibaba')!;
    assert.equal(label(account), '沙箱 · 阿里云 ECS');
    // "Sandbox" and the beaker say it is the emulator; the tooltip and the spoken label say it in words.
    assert.equal(description(account), '');
    assert.equal(account.treeItem().accessibilityInformation?.label, '沙箱，阿里云 ECS，本地模拟器');
    assert.equal(tooltip(a, account), '沙箱 · 阿里云 ECS\n\n内置沙箱：云 API 的本地模拟器，无需密钥。');
    const regions = (await children(a, account)).filter((n): n is RegionNode => n.kind === 'region');
    assert.ok(regions.map(label).includes('华东1（杭州）'), regions.map(label).join(', '));

    const hangzhou = await sandboxRegion(a, 'alibaba', 'cn-hangzhou');
    const nodes = await children(a, hangzhou);
    const more = nodes[nodes.length - 1]!;
    assert.equal(label(more), '加载更多…');
    assert.match(description(more), /^已加载 50 \/ \d+$/);
    const own = nodes.find((n): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.owner === 'self')!;
    const ownTip = tooltip(a, own);
    for (const line of ['状态：可用', '类型：自定义镜像', `ID：${own.image.id}`]) {
      assert.ok(ownTip.includes(line), `"${line}" in ${ownTip}`);
    }
    assert.match(ownTip, new RegExp(`创建时间：${ZH_TIME.source}`));
    assert.match(ownTip, /大小：\d+ GiB/);
    assert.doesNotMatch(ownTip, /Available|self|T\d{2}:\d{2}:\d{2}Z/, 'no raw word or ISO time');
    // The one-line facts: age · size · OS, in Chinese units ("3天", "2年").
    const ready = nodes.find((n): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.owner === 'self' && (n as ImageNode).image.status === 'Available')!;
    assert.match(description(ready), /^\d+(年|个月|周|天|小时|分钟) · \d+ GiB · .+$/);
    const system = nodes.find((n): n is ImageNode => n.kind === 'image' && (n as ImageNode).image.owner === 'system')!;
    assert.ok(tooltip(a, system).includes('类型：公共镜像'), tooltip(a, system));

    // Each cloud's own status words, in one vocabulary: QingCloud's "pending" reads 创建中.
    const [pending] = await ownImages(a, await sandboxRegion(a, 'qingcloud', 'pek3'), 1, 'pending');
    assert.match(description(pending!), /^创建中/);
    assert.ok(tooltip(a, pending!).includes('状态：创建中'));
    const [saving] = await ownImages(a, await sandboxRegion(a, 'huawei', 'cn-north-4'), 1, 'saving');
    assert.match(description(saving!), /^创建中/);
  });

  it('explains a failure in Chinese, with the cloud\'s own message beside it', async () => {
    const emulator = await a.sandbox();
    const { accessKeyId, accessKeySecret } = emulator.credentials('alibaba');
    const region = await sandboxRegion(a, 'alibaba', 'cn-shanghai');
    emulator.setAccessKeySecret('alibaba', accessKeyId, 'a-different-secret-000000');
    try {
      await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
      const [error] = await children(a, region);
      assert.equal(error?.kind, 'error');
      assert.equal(label(error!), '云端拒绝了 AccessKey：请检查此账号的 AccessKey ID 和 AccessKey Secret。');
      assert.equal(description(error!), '点击重试');
      assert.match(tooltip(a, error!), /云端返回：SignatureDoesNotMatch: /);
    } finally {
      emulator.setAccessKeySecret('alibaba', accessKeyId, accessKeySecret);
    }
    await vscode.commands.executeCommand('cloudImageExplorer.refresh', region);
    assert.ok((await children(a, region)).some((n) => n.kind === 'image'));
  });

  it('asks and answers in Chinese through a command: Delete, its confirmation, a refused input and a failure', async () => {
    const region = await sandboxRegion(a, 'alibaba', 'cn-shenzhen');
    const [node] = await ownImages(a, region, 1, 'Available');
    const emulator = await a.sandbox();
    testInput.script(undefined);
    await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    const asked = testInput.asked[testInput.asked.length - 1]!;
    assert.equal(asked.message, `要删除镜像“${node!.image.name}”（${node!.image.id}）吗？`);
    assert.deepEqual(asked.buttons, ['删除', '强制删除']);
    assert.match(asked.detail ?? '', /^此操作无法撤销。\n\n“强制删除”也会删除仍被实例使用的镜像/);

    const refused = testInput.errors.length;
    await vscode.commands.executeCommand('cloudImageExplorer.tag', node, [node], { key: 'aliyun-owned', value: 'x' });
    assert.equal(testInput.errors[refused], '标签键不能以下列内容开头：“aliyun”、“acs:”。');

    emulator.faults.add({ kind: 'server-error', cloud: 'alibaba', operation: 'DeleteImage' });
    try {
      testInput.script('删除');
      await vscode.commands.executeCommand('cloudImageExplorer.delete', node, [node]);
    } finally {
      emulator.faults.clear();
    }
    const shown = testInput.errors[testInput.errors.length - 1] ?? '';
    // A 5xx after the request may have been applied: not sent again, read back, and said to be not known.
    assert.ok(shown.startsWith(`无法确定“${node!.image.name}”是否已删除。云端的响应丢失或无法识别（云端发生内部错误：请稍后重试。云端返回：InternalError: `), shown);
    assert.ok(shown.includes('从云端回读的状态显示目前尚无变化。'), shown);
    assert.ok(tooltip(a, node!).includes('云端发生内部错误'), 'the node keeps the error');
  });

  it('renders the details panel in Chinese: grouped, labelled fields and a running, then finished, export', async () => {
    // Images the cloud exports: Windows images are refused before any request.
    const [node, other] = (await ownImages(a, await sandboxRegion(a, 'alibaba', 'cn-hangzhou'), 6, 'Available')).filter((n) => n.image.osType !== 'windows');
    const id = identity(node!);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', node);
    testInput.script('ci-exports', 'cizh', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', node);
    const job = a.jobs.forImage(id.accountId, id.regionId, id.imageId).find((j) => j.kind === 'export')!;
    const running = await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === job.jobId) && r.fields.length > 0);
    // Own Alibaba image: the edit actions in Chinese, before Copy ID and Refresh.
    assert.deepEqual(running.actions, ['重命名…', '编辑描述…', '弃用…', '复制 ID', '刷新']);
    for (const heading of ['任务', '标签', '详细信息', '概览', '操作系统', '磁盘与大小', '共享与访问']) {
      assert.ok(running.sections.includes(heading), `"${heading}" in ${running.sections.join(', ')}`);
    }
    const field = (key: string): { key: string; label: string; value: string } => {
      const f = running.fields.find((x) => x.key === key);
      assert.ok(f, `${key} in the panel`);
      return f;
    };
    assert.deepEqual(field('Status'), { key: 'Status', label: '状态', value: '可用' });
    assert.deepEqual(field('ImageOwnerAlias'), { key: 'ImageOwnerAlias', label: '类型', value: '自定义镜像' });
    assert.equal(field('CreationTime').label, '创建时间');
    assert.match(field('CreationTime').value, ZH_TIME);
    assert.match(field('Size').value, /^\d+ GiB$/);
    assert.deepEqual(field('IsPublic'), { key: 'IsPublic', label: '公开', value: '否' });
    assert.equal(field('DiskDeviceMappings.DiskDeviceMapping[0].SnapshotId').label, '磁盘快照');
    assert.deepEqual(running.fields.filter((f) => f.label === f.key).map((f) => f.key), [], 'every field the cloud gave has a Chinese label');
    const shown = running.jobs.find((j) => j.jobId === job.jobId)!;
    assert.equal(shown.title, `导出镜像 ${node!.image.name}`);
    assert.match(shown.state, /^(排队中|运行中|\d+%)$/);
    assert.match(shown.elapsed, /^已用时 \d+ 秒$/);
    const done = await a.panels.rendered(id, (r) => r.jobs.some((j) => j.jobId === job.jobId && j.percent === '100'), 60_000);
    assert.equal(done.jobs.find((j) => j.jobId === job.jobId)?.state, '已成功');

    // A job the cloud fails: the explanation in Chinese, the cloud's own words beside it.
    const emulator = await a.sandbox();
    emulator.faults.failJobs({ cloud: 'alibaba', operation: 'ExportImage' });
    const otherId = identity(other!);
    await vscode.commands.executeCommand('cloudImageExplorer.openDetails', other);
    testInput.script('ci-exports', 'cizh', 'qcow2');
    await vscode.commands.executeCommand('cloudImageExplorer.export', other);
    const failedJob = await until('the failing export to be tracked', () => a.jobs.forImage(otherId.accountId, otherId.regionId, otherId.imageId).find((j) => j.kind === 'export'));
    const failed = await a.panels.rendered(otherId, (r) => r.jobs.some((j) => j.jobId === failedJob.jobId && j.error !== ''), 60_000);
    const failedView = failed.jobs.find((j) => j.jobId === failedJob.jobId)!;
    assert.equal(failedView.state, '已失败');
    assert.match(failedView.error, /^任务失败。云端返回：The task failed in the sandbox/);
  });
});
