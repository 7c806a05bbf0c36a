// The details panel's script. Every value from the cloud is set as text (never as HTML).
import { formatDuration } from '../../src/jobs/duration';
import type { DetailsState, FieldGroupView, FromWebview, JobView, ToWebview } from '../../src/webviews/protocol';
import { tagLabel, tagText, type DocumentLike } from '../../src/webviews/tagView';
import { button, divider, registerToolkit, spinner, textField } from './toolkit';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
registerToolkit();
const app = document.getElementById('app') as HTMLElement;
let current: DetailsState | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tagName: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tagName);
  if (text !== undefined) {
    e.textContent = text;
  }
  if (cls) {
    e.className = cls;
  }
  return e;
}

/** "已用时 3 分 4 秒": the panel's ticking clock, in the words the extension gave. */
function elapsedText(ms: number, strings: DetailsState['strings']): string {
  const words = { seconds: strings['seconds'] ?? '{0} s', minutes: strings['minutes'] ?? '{0} min {1} s', hours: strings['hours'] ?? '{0} h {1} min' };
  return (strings['elapsed'] ?? '{0}').replace('{0}', formatDuration(ms, words));
}

function fill(template: string | undefined, value: string): string {
  return (template ?? '{0}').replace('{0}', value);
}

function section(title: string): HTMLElement {
  const s = el('section');
  s.append(el('h2', title));
  return s;
}

function jobRow(job: JobView, strings: DetailsState['strings']): HTMLElement {
  const row = el('div', undefined, `job job-${job.state}`);
  row.dataset['jobId'] = job.jobId;
  const head = el('div', undefined, 'job-head');
  head.append(el('span', job.title, 'job-title'), el('span', job.stateLabel, 'job-state'));
  const bar = el('div', undefined, 'bar');
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-label', job.title);
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  const fill = el('div', undefined, 'fill');
  if (job.percent !== undefined) {
    bar.setAttribute('aria-valuenow', String(Math.round(job.percent)));
    fill.style.width = `${Math.max(0, Math.min(100, job.percent))}%`;
  } else if (job.state === 'queued' || job.state === 'running') {
    bar.classList.add('indeterminate');
  } else {
    fill.style.width = '100%';
  }
  bar.append(fill);
  const meta = el('div', undefined, 'job-meta');
  const time = el('span', undefined, 'elapsed');
  time.dataset['start'] = String(job.startedAt);
  if (job.finishedAt) {
    time.dataset['end'] = String(job.finishedAt);
  }
  time.textContent = elapsedText((job.finishedAt ?? Date.now()) - job.startedAt, strings);
  meta.append(time, el('span', `${job.jobId}${job.detail ? ` · ${job.detail}` : ''}`, 'muted'));
  row.append(head, bar, meta);
  if (job.error) {
    row.append(el('div', job.error, 'error-text'));
  }
  if (job.note) {
    row.append(el('div', job.note, 'job-note muted'));
  }
  if (job.canDownload) {
    const jobId = job.jobId;
    const download = button(strings['download'] ?? 'Download…', () => vscode.postMessage({ type: 'download', jobId }));
    download.classList.add('job-download');
    row.append(download);
  }
  return row;
}

/** One group of fields: the label in the display language (the cloud's field name on hover), the value as read (the raw one on hover). */
function fieldTable(group: FieldGroupView, s: DetailsState['strings']): HTMLElement {
  const wrap = el('div', undefined, 'field-group');
  wrap.append(el('h3', group.title));
  const table = el('table');
  for (const f of group.fields) {
    const tr = el('tr');
    tr.dataset['key'] = f.key;
    // Fields the cloud's catalogue does not name keep their raw name, in the code font.
    const label = el('td', f.label, group.id === 'other' ? 'mono' : undefined);
    label.title = fill(s['rawField'], f.key);
    const value = el('td', f.value);
    if (f.value !== f.raw) {
      value.title = fill(s['rawValue'], f.raw);
    }
    tr.append(label, value);
    table.append(tr);
  }
  wrap.append(table);
  return wrap;
}

/** Copy ID, Refresh, and where the image allows: Rename…, Edit Description…, Deprecate… or Make Available. */
function actionBar(state: DetailsState): HTMLElement {
  const s = state.strings;
  const actions = el('div', undefined, 'actions');
  const post = (message: FromWebview) => (): void => vscode.postMessage(message);
  if (state.canEdit && !state.gone) {
    actions.append(button(s['rename'] ?? 'Rename…', post({ type: 'edit', field: 'name' })), button(s['editDescription'] ?? 'Edit Description…', post({ type: 'edit', field: 'description' })));
  }
  if (state.canDeprecate && !state.gone) {
    actions.append(state.deprecated ? button(s['undeprecate'] ?? 'Make Available', post({ type: 'undeprecate' })) : button(s['deprecate'] ?? 'Deprecate…', post({ type: 'deprecate' })));
  }
  actions.append(button(s['copyId'] ?? 'Copy ID', post({ type: 'copy', text: state.imageId })), button(s['refresh'] ?? 'Refresh', post({ type: 'refresh' })));
  return actions;
}

function render(state: DetailsState): void {
  const s = state.strings;
  app.replaceChildren();
  const header = el('header');
  const title = el('h1', state.name);
  const sub = el('div', `${state.cloudLabel} · ${state.regionId} · ${state.imageId}`, 'muted');
  const description = el('p', state.description ?? '', 'description');
  header.append(title, sub, description, actionBar(state));
  app.append(header);
  if (state.error) {
    app.append(el('div', state.error, 'banner error-text'));
  }
  if (state.gone) {
    app.append(el('div', s['gone'], 'banner'));
  }

  const jobs = section(s['jobs'] ?? 'Jobs');
  jobs.id = 'jobs';
  if (state.jobs.length) {
    state.jobs.forEach((j) => jobs.append(jobRow(j, s)));
  } else {
    jobs.append(el('p', s['noJobs'], 'muted'));
  }
  app.append(jobs, divider());

  if (!state.gone) {
    const tags = section(s['tags'] ?? 'Tags');
    tags.id = 'tags';
    const list = el('div', undefined, 'tag-list');
    const key = textField(state.tagNamesOnly ? (s['name'] ?? 'Name') : (s['key'] ?? 'Key'), s['key'] ?? 'Key');
    const value = textField(s['value'] ?? 'Value', s['value'] ?? 'Value');
    for (const t of state.tags) {
      const chip = el('span', undefined, 'chip');
      chip.dataset['tag'] = tagText(t);
      const label = tagLabel(document as unknown as DocumentLike, t) as unknown as HTMLElement;
      chip.append(label);
      if (state.canTag) {
        // Click a tag to edit it: its key and value go into the form below; Add overwrites it.
        label.setAttribute('title', `${tagText(t)} · ${s['edit'] ?? 'Edit'}`);
        label.classList.add('editable');
        label.addEventListener('click', () => {
          key.value = t.key;
          value.value = t.value;
          (state.tagNamesOnly ? key : value).focus();
        });
        chip.append(button('×', () => vscode.postMessage({ type: 'removeTag', key: t.key }), 'icon'));
        chip.lastElementChild?.setAttribute('aria-label', `${s['remove']} ${t.key}`);
      }
      list.append(chip);
    }
    if (!state.tags.length) {
      list.append(el('span', s['noTags'], 'muted'));
    }
    tags.append(list);
    if (state.canTag) {
      const form = el('form', undefined, 'tag-form');
      const submit = (): void => {
        if (key.value.trim()) {
          vscode.postMessage({ type: 'addTag', key: key.value.trim(), value: state.tagNamesOnly ? '' : value.value.trim() });
        }
      };
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submit();
      });
      form.append(key);
      if (!state.tagNamesOnly) {
        form.append(value);
      }
      form.append(button(s['addTag'] ?? 'Add', submit, 'primary'));
      tags.append(form);
    }
    app.append(tags, divider());
  }

  if (state.members || state.membersError) {
    const members = section(s['members'] ?? 'Shared with');
    if (state.membersError) {
      members.append(el('p', state.membersError, 'error-text'));
    } else if (state.members?.length) {
      const ul = el('ul');
      state.members.forEach((m) => ul.append(el('li', [m.id, m.status, m.since].filter(Boolean).join(' · '))));
      members.append(ul);
    } else {
      members.append(el('p', s['noMembers'], 'muted'));
    }
    app.append(members, divider());
  }

  if (state.instanceTypes || state.instanceTypesError) {
    const types = section(s['instanceTypes'] ?? 'Instance types');
    types.id = 'instance-types';
    if (state.instanceTypesError) {
      types.append(el('p', state.instanceTypesError, 'error-text'), button(s['retry'] ?? 'Retry', () => vscode.postMessage({ type: 'retryInstanceTypes' })));
    } else if (state.instanceTypes?.length) {
      types.append(el('p', state.instanceTypes.join(', '), 'mono list'));
    } else {
      types.append(el('p', s['noInstanceTypes'], 'muted list'));
    }
    app.append(types, divider());
  }

  if (state.fields.length) {
    const details = section(s['details'] ?? 'Details');
    details.id = 'fields';
    for (const group of state.fields) {
      details.append(fieldTable(group, s));
    }
    app.append(details);
  }
  app.setAttribute('aria-busy', 'false');
  reportRendered();
}

/** Tells the extension what is on screen, read back from the DOM. */
function reportRendered(): void {
  // What a user sees: innerText applies the CSS (a text-transform would show here), textContent would not.
  const seen = (e: Element | null): string => (e instanceof HTMLElement ? e.innerText : '');
  const tags = [...document.querySelectorAll('#tags .chip .tag')].map(seen);
  const actions = [...document.querySelectorAll('header .actions > *')].map(seen);
  const text = (e: Element | null): string => e?.textContent ?? '';
  const jobs = [...document.querySelectorAll<HTMLElement>('#jobs .job')].map((j) => ({
    jobId: j.dataset['jobId'] ?? '',
    percent: j.querySelector('[role=progressbar]')?.getAttribute('aria-valuenow') ?? '',
    state: text(j.querySelector('.job-state')),
    title: text(j.querySelector('.job-title')),
    elapsed: text(j.querySelector('.elapsed')),
    error: text(j.querySelector('.error-text')),
    note: text(j.querySelector('.job-note')),
    download: text(j.querySelector('.job-download')),
  }));
  const sections = [...document.querySelectorAll('h2, h3')].map(text);
  const fields = [...document.querySelectorAll<HTMLElement>('#fields tr[data-key]')].map((tr) => ({
    key: tr.dataset['key'] ?? '',
    label: text(tr.children[0] ?? null),
    value: text(tr.children[1] ?? null),
  }));
  const instanceTypes = text(document.querySelector('#instance-types .list'));
  const instanceTypesError = text(document.querySelector('#instance-types .error-text'));
  vscode.postMessage({ type: 'rendered', name: seen(document.querySelector('h1')), description: seen(document.querySelector('header .description')), tags, actions, jobs, sections, fields, instanceTypes, instanceTypesError });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'state') {
    current = message.state;
    vscode.setState(message.state.identity);
    render(message.state);
  } else if (message.type === 'busy') {
    app.setAttribute('aria-busy', String(message.busy));
    document.getElementById('busy')?.remove();
    if (message.busy) {
      const ring = spinner();
      ring.id = 'busy';
      app.prepend(ring);
    }
  }
});

setInterval(() => {
  if (!current) {
    return;
  }
  for (const e of document.querySelectorAll<HTMLElement>('.elapsed')) {
    if (!e.dataset['end']) {
      e.textContent = elapsedText(Date.now() - Number(e.dataset['start']), current.strings);
    }
  }
}, 1000);

vscode.postMessage({ type: 'ready' });
