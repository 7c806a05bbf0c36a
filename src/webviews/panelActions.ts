// What the details panel's buttons do: the same commands as the tree, on the panel's image.
import * as vscode from 'vscode';
import type { ImageTreeProvider } from '../tree/treeProvider';
import type { PanelAction } from './detailsPanel';

export function panelActions(tree: ImageTreeProvider): PanelAction {
  return async (id, message) => {
    if (message.type === 'copy') {
      await vscode.env.clipboard.writeText(message.text);
      return;
    }
    if (message.type === 'download') {
      // The export job of the panel's image (the command finds it among the finished exports).
      await vscode.commands.executeCommand('cloudImageExplorer.downloadExport', { ...id, jobId: message.jobId });
      return;
    }
    const node = await tree.resolveImage(id);
    if (!node) {
      return;
    }
    if (message.type === 'addTag') {
      await vscode.commands.executeCommand('cloudImageExplorer.tag', node, undefined, { key: message.key, value: message.value });
    } else if (message.type === 'removeTag') {
      await vscode.commands.executeCommand('cloudImageExplorer.untag', node, undefined, [message.key]);
    } else if (message.type === 'edit') {
      await vscode.commands.executeCommand(message.field === 'name' ? 'cloudImageExplorer.rename' : 'cloudImageExplorer.editDescription', node);
    } else if (message.type === 'deprecate' || message.type === 'undeprecate') {
      await vscode.commands.executeCommand(`cloudImageExplorer.${message.type}`, node);
    }
  };
}
