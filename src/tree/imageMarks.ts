// Words that layers above the tree add to an image item's contextValue, so that its menu offers what they
// know applies (e.g. the jobs' "has-export": an export of the image finished, Download Exported Image…
// is offered). Read when the item is built; whoever marks redraws the image when its answer changes.
import type * as vscode from 'vscode';

export type ImageMarker = (accountId: string, regionId: string, imageId: string) => string | undefined;

const markers = new Set<ImageMarker>();

export function addImageMarker(marker: ImageMarker): vscode.Disposable {
  markers.add(marker);
  return { dispose: () => void markers.delete(marker) };
}

/** The marks of an image, each after a space ('' when none). */
export function imageMarks(accountId: string, regionId: string, imageId: string): string {
  let out = '';
  for (const m of markers) {
    const word = m(accountId, regionId, imageId);
    if (word) {
      out += ` ${word}`;
    }
  }
  return out;
}
