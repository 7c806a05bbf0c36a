// How the details panel draws a tag: plain elements holding the key and value exactly as typed
// ("env=staging", a QingCloud name alone), never a component that restyles its text (the toolkit's
// tag upper-cases it). Written against a minimal DOM shape so that a unit test can draw it too; the
// webview passes its `document`.

/** The part of an element the panel uses. */
export interface ElementLike {
  textContent: string | null;
  className: string;
  readonly dataset: { [key: string]: string | undefined };
  setAttribute(name: string, value: string): void;
  append(...children: ElementLike[]): void;
}

export interface DocumentLike {
  createElement(tagName: 'span'): ElementLike;
}

/** "env=staging", or the name alone for a tag without a value: the text the chip shows and the tests read. */
export function tagText(tag: { readonly key: string; readonly value: string }): string {
  return tag.value ? `${tag.key}=${tag.value}` : tag.key;
}

function span(doc: DocumentLike, text: string, cls: string): ElementLike {
  const e = doc.createElement('span');
  e.textContent = text;
  e.className = cls;
  return e;
}

/** The chip's label: the key, "=", the value, each in its own span (styled apart), with the whole as the tooltip. */
export function tagLabel(doc: DocumentLike, tag: { readonly key: string; readonly value: string }): ElementLike {
  const label = doc.createElement('span');
  label.className = 'tag';
  label.append(span(doc, tag.key, 'tag-key'));
  if (tag.value) {
    label.append(span(doc, '=', 'tag-sep'), span(doc, tag.value, 'tag-value'));
  }
  label.setAttribute('title', tagText(tag));
  return label;
}
