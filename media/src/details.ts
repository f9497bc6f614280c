// The device-details webview script. It starts empty, says `ready`, and renders whatever device the
// extension sends — with textContent only. Messages are validated by the shared protocol guards; anything
// else is dropped.

import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';

import type { ChromeBrowser } from '../../src/api/types';
import { buildDetailsModel } from '../../src/webview/details/detailsModel';
import { annotationValuesOf } from '../../src/model/annotations';
import { parseExtensionMessage, type ExtensionMessage, type WebviewMessage } from '../../src/webview/details/protocol';
import { append, button, el, icon, value, type SearchIndex } from './_dom';
import { AnnotationForm } from './_form';
import { collapsible, renderSections } from './_sections';
import { connect, Requests } from './_webview';
import { displayLocale } from './_locale';

// For the panel's timing log: VS Code writes this document into a placeholder page, so our start-up is
// counted from the moment that page had arrived.
const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
const documentStart = navigation?.responseEnd ?? 0;
let bootMs = 0;
const channel = connect<ExtensionMessage, WebviewMessage>('details', parseExtensionMessage, handle);
const post = (m: WebviewMessage) => channel.post(m);
const app = document.getElementById('app')!;

const saves = new Requests();
let browser: ChromeBrowser | undefined;
let firstDevice = true;
let searchIndex: SearchIndex = [];

const form = new AnnotationForm({
  save: (annotations, base) => {
    post({ type: 'save', requestId: saves.next(), annotations, base });
  },
  revert: () => post({ type: 'revert' }),
  draftChanged: (draft) => post({ type: 'draft', draft }),
  offerAnswered: (restored) => post({ type: restored ? 'restoreDraft' : 'discardDraft' }),
});

// ---------------------------------------------------------------- page skeleton (built once)

const title = el('h1', { className: 'title' });
const badges = el('div', { className: 'badges' });
const loadedLine = el('span', { className: 'muted loaded-at', attrs: { role: 'status' } });
const refreshButton = button(
  'Refresh',
  () => {
    loadedLine.textContent = 'Refreshing…';
    post({ type: 'refresh' });
  },
  { secondary: true, id: 'refresh' },
);
const copyIdButton = button('Copy device ID', () => browser && post({ type: 'copy', text: browser.deviceId }), { secondary: true });
const copyJsonButton = button('Copy as JSON', () => browser && post({ type: 'copy', text: JSON.stringify(browser, null, 2) }), { secondary: true });

const filter = document.createElement('vscode-textfield');
filter.id = 'filter';
filter.type = 'search';
filter.placeholder = 'Filter extensions and policies';
filter.setAttribute('aria-label', 'Filter extensions and policies');
const filterCount = el('span', { className: 'muted', attrs: { role: 'status', 'aria-live': 'polite' } });
filter.addEventListener('input', applyFilter);

const errorBox = el('div', { className: 'load-error', attrs: { role: 'alert' } });
errorBox.hidden = true;
const sections = el('div', { className: 'sections' });
const annotations = collapsible('Annotations', true, form.element);
annotations.id = 'annotations';
const filterRow = el('div', { className: 'filter-row' }, filter, filterCount);
// Nothing to edit or filter until a device has been loaded.
annotations.hidden = true;
filterRow.hidden = true;

function showSkeleton(): void {
  app.replaceChildren(
    el(
      'header',
      { className: 'page-header' },
      el('div', { className: 'title-row' }, title, badges),
      el('div', { className: 'toolbar' }, refreshButton, copyIdButton, copyJsonButton, loadedLine),
    ),
    errorBox,
    annotations,
    filterRow,
    sections,
  );
  app.removeAttribute('aria-busy');
}

function applyFilter(): void {
  const q = filter.value.trim().toLowerCase();
  let shown = 0;
  for (const { row, key } of searchIndex) {
    const match = q === '' || key.includes(q);
    row.hidden = !match;
    if (match) shown++;
  }
  filterCount.textContent = q === '' ? '' : `${shown} of ${searchIndex.length} rows match`;
  if (q !== '') {
    // Open every section that holds a match, so keyboard users reach it without hunting.
    for (const { row } of searchIndex) {
      if (row.hidden) continue;
      let p: HTMLElement | null = row.parentElement;
      while (p) {
        if (p.tagName === 'VSCODE-COLLAPSIBLE') (p as HTMLElementTagNameMap['vscode-collapsible']).open = true;
        p = p.parentElement;
      }
    }
  }
}

// ---------------------------------------------------------------- rendering

function renderDevice(b: ChromeBrowser): void {
  browser = b;
  const model = buildDetailsModel(b);
  title.replaceChildren(value(model.title));
  document.title = model.title;
  badges.replaceChildren(
    ...model.badges.map((b) =>
      el(
        'span',
        { className: `status-badge ${b.tone}`, attrs: { title: b.detail } },
        icon(b.icon),
        // The tone in words too, for screen readers (the icon is decorative).
        el('span', { className: 'visually-hidden', text: 'Warning: ' }),
        el('span', { text: b.text }),
      ),
    ),
    el('span', { className: 'muted summary', text: model.summary }),
  );
  searchIndex = [];
  sections.replaceChildren(renderSections(model, searchIndex));
  loadedLine.textContent = `Loaded ${new Date().toLocaleTimeString(displayLocale())}`;
  errorBox.hidden = true;
  copyIdButton.hidden = false;
  copyJsonButton.hidden = false;
  annotations.hidden = false;
  filterRow.hidden = false;
  if (filter.value) applyFilter();
}

function handle(msg: ExtensionMessage): void {
  switch (msg.type) {
    case 'device': {
      const started = performance.now();
      channel.setState({ deviceId: msg.browser.deviceId });
      renderDevice(msg.browser);
      form.load(annotationValuesOf(msg.browser), firstDevice ? msg.draft : undefined, msg.readOnly === true, msg.offeredDraft);
      firstDevice = false;
      // After the next frame the panel is painted: that is "rendered" for the timing.
      requestAnimationFrame(() =>
        setTimeout(() => post({ type: 'rendered', loadedAt: msg.loadedAt, renderMs: performance.now() - started, bootMs }), 0),
      );
      return;
    }
    case 'saveResult': {
      if (!saves.settle(msg.requestId)) return; // a reply to a save this document did not send
      if (msg.ok) {
        renderDevice(msg.browser);
        form.saved(annotationValuesOf(msg.browser));
      } else if ('conflict' in msg) {
        renderDevice(msg.conflict.browser);
        form.conflicted(msg.conflict.fields, msg.conflict.remote);
      } else {
        form.saveFailed(msg.error);
      }
      return;
    }
    case 'requestSave':
      form.requestSave();
      return;
    case 'blank': {
      // The device is gone: no value of it may stay on the page (nor in the find widget's reach).
      channel.setState({ deviceId: msg.deviceId });
      browser = undefined;
      searchIndex = [];
      sections.replaceChildren();
      badges.replaceChildren();
      title.replaceChildren(value(msg.deviceId));
      document.title = msg.deviceId;
      form.clear();
      annotations.hidden = true;
      filterRow.hidden = true;
      // Nothing left to copy; Refresh (toolbar) stays, should the browser enroll again.
      copyIdButton.hidden = true;
      copyJsonButton.hidden = true;
      errorBox.replaceChildren(el('strong', { text: 'Browser deleted. ' }), el('span', { text: msg.message }));
      errorBox.hidden = false;
      loadedLine.textContent = '';
      return;
    }
    case 'error': {
      channel.setState({ deviceId: msg.deviceId });
      if (!browser) title.replaceChildren(value(msg.deviceId));
      errorBox.replaceChildren(el('strong', { text: 'Could not load this browser. ' }), el('span', { text: msg.message }), ' ');
      append(
        errorBox,
        button('Try again', () => post({ type: 'refresh' }), { id: 'retry' }),
      );
      errorBox.hidden = false;
      loadedLine.textContent = '';
      return;
    }
  }
}

showSkeleton();
bootMs = Math.max(0, performance.now() - documentStart);
channel.ready();
