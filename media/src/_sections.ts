// Read-only sections of the details panel, built from the DetailsModel with textContent only.

import type { DetailsModel, ExtensionModel, Field, PolicyModel, ProfileModel } from '../../src/webview/details/detailsModel';
import { append, el, table, time, value, type Column, type SearchIndex } from './_dom';

export function collapsible(heading: string, open: boolean, ...children: (Node | undefined)[]): HTMLElement {
  const c = document.createElement('vscode-collapsible');
  c.heading = heading; // a property rendered by lit as text
  c.open = open;
  append(c, el('div', { className: 'section-body' }, ...children));
  return c;
}

function fields(list: Field[]): HTMLElement {
  const dl = el('dl', { className: 'fields' });
  for (const f of list) {
    append(dl, el('dt', { text: f.label }), el('dd', {}, f.time ? time(f.time) : value(f.value)));
  }
  return dl;
}

const policyColumns: Column<PolicyModel>[] = [
  { header: 'Policy', cell: (p) => value(p.name, '(no name)') },
  { header: 'Value', cell: (p) => value(p.value, '(no value)'), className: 'wrap' },
  { header: 'Source', cell: (p) => value(p.source, '—') },
  {
    header: 'Error',
    cell: (p) =>
      p.error === undefined
        ? el('span', { className: 'absent', text: 'None' })
        : el('span', { className: 'error-text' }, el('strong', { text: 'Error: ' }), value(p.error)),
    className: 'wrap',
  },
];

function policyTable(caption: string, policies: PolicyModel[], index: SearchIndex): HTMLElement {
  return table(caption, policies, policyColumns, {
    rowClass: (p) => (p.error !== undefined ? 'has-error' : undefined),
    search: (p) => p.search,
    index,
  });
}

const extensionColumns: Column<ExtensionModel>[] = [
  {
    header: 'Extension',
    cell: (e) => el('span', {}, value(e.name, '(no name)'), el('br'), el('code', { className: 'muted' }, value(e.extensionId, ''))),
  },
  { header: 'Version', cell: (e) => value(e.version, '—') },
  { header: 'Install type', cell: (e) => value(e.installType, '—') },
  { header: 'Type', cell: (e) => value(e.appType, '—') },
  {
    header: 'Permissions',
    cell: (e) =>
      e.permissions.length === 0
        ? el('span', { className: 'absent', text: 'None reported' })
        : el('ul', { className: 'chips' }, ...e.permissions.map((p) => el('li', {}, value(p)))),
    className: 'wrap',
  },
  { header: 'State', cell: (e) => el('span', { text: e.disabled ? 'Disabled' : 'Enabled', className: e.disabled ? 'muted' : '' }) },
  { header: 'Details', cell: extensionDetails, className: 'wrap' },
];

/** What the table has no column for. Homepage and icon URLs are text: an end machine reported them. */
function extensionDetails(e: ExtensionModel): HTMLElement {
  const lines: [string, string | undefined][] = [
    ['Description', e.description],
    ['Homepage', e.homepageUrl],
    ['Configured app policy', e.configuredAppPolicy],
    ['Manifest version', e.manifestVersion],
    ...e.icons.map((i): [string, string | undefined] => [i.size ? `Icon ${i.size} px` : 'Icon', i.url]),
  ];
  const shown = lines.filter(([, v]) => v !== undefined);
  if (shown.length === 0) return el('span', { className: 'absent', text: '—' });
  const dl = el('dl', { className: 'fields compact' });
  for (const [label, v] of shown) append(dl, el('dt', { text: label }), el('dd', {}, value(v)));
  return dl;
}

function profileSection(p: ProfileModel, open: boolean, index: SearchIndex): HTMLElement {
  const extPolicyRows = p.extensionPolicies.flatMap((ep) =>
    ep.policies.map((pol) => ({
      ...pol,
      search: `${pol.search}\u0000${(ep.extensionName ?? '').toLowerCase()}\u0000${(ep.extensionId ?? '').toLowerCase()}`,
      ep,
    })),
  );
  const c = collapsible(
    `Profile: ${p.title}`,
    open,
    fields(p.fields),
    el('h4', { text: `Extensions (${p.extensions.length})` }),
    table('Extensions', p.extensions, extensionColumns, { search: (e) => e.search, index, rowClass: (e) => (e.disabled ? 'disabled' : undefined) }),
    el('h4', { text: `User policies (${p.userPolicies.length})` }),
    policyTable('User policies', p.userPolicies, index),
    el('h4', { text: `Extension policies (${extPolicyRows.length})` }),
    table(
      'Extension policies',
      extPolicyRows,
      [{ header: 'Extension', cell: (r) => value(r.ep.extensionName ?? r.ep.extensionId, '(unknown)') }, ...policyColumns],
      { search: (r) => r.search, index, rowClass: (r) => (r.error !== undefined ? 'has-error' : undefined) },
    ),
  );
  c.classList.add('profile');
  return c;
}

/** All read-only sections; rows the filter box may hide are added to `index`. */
export function renderSections(m: DetailsModel, index: SearchIndex): DocumentFragment {
  const f = document.createDocumentFragment();
  const profiles = m.installs.flatMap((i) => i.profiles.map((p) => ({ p, install: i.title })));

  append(f, collapsible('Overview', true, fields(m.overview)));

  append(
    f,
    collapsible(
      `Chrome installs (${m.installs.length})`,
      true,
      m.installs.length === 0
        ? el('p', { className: 'absent', text: 'No Chrome installs reported.' })
        : el(
            'div',
            {},
            ...m.installs.map((i) =>
              el(
                'section',
                { className: 'install' },
                el('h4', {}, value(i.title)),
                fields(i.fields),
                i.plugins.length > 0
                  ? table('Plugins', i.plugins, [
                      { header: 'Plugin', cell: (p) => value(p.name, '(no name)') },
                      { header: 'File', cell: (p) => value(p.fileName, '—') },
                      { header: 'Description', cell: (p) => value(p.description, '—'), className: 'wrap' },
                    ])
                  : undefined,
              ),
            ),
          ),
    ),
  );

  append(
    f,
    collapsible(
      `Profiles (${profiles.length})`,
      true,
      profiles.length === 0
        ? el('p', { className: 'absent', text: 'No profiles reported.' })
        : el('div', {}, ...profiles.map(({ p }) => profileSection(p, profiles.length === 1, index))),
    ),
  );

  const mp = collapsible(
    `Machine policies (${m.machinePolicies.length})${m.machinePolicyErrors > 0 ? ` — ${m.machinePolicyErrors} with errors` : ''}`,
    true,
    policyTable('Machine policies', m.machinePolicies, index),
  );
  if (m.machinePolicyErrors > 0) mp.classList.add('has-errors');
  append(f, mp);

  // Chrome Management API v1 only: shown when sent, so a v1.1beta1 panel has no section that is always empty.
  const mepRows = m.machineExtensionPolicies.flatMap((ep) =>
    ep.policies.map((pol) => ({
      ...pol,
      search: `${pol.search}\u0000${(ep.extensionName ?? '').toLowerCase()}\u0000${(ep.extensionId ?? '').toLowerCase()}`,
      ep,
    })),
  );
  if (mepRows.length > 0) {
    append(
      f,
      collapsible(
        `Machine extension policies (${mepRows.length})`,
        true,
        table(
          'Machine extension policies',
          mepRows,
          [{ header: 'Extension', cell: (r) => value(r.ep.extensionName ?? r.ep.extensionId, '(unknown)') }, ...policyColumns],
          { search: (r) => r.search, index, rowClass: (r) => (r.error !== undefined ? 'has-error' : undefined) },
        ),
      ),
    );
  }

  append(
    f,
    collapsible(
      `Device users (${m.deviceUsers.length})`,
      m.deviceUsers.length > 0,
      table('Device users', m.deviceUsers, [
        { header: 'User', cell: (u) => value(u.userName) },
        { header: 'Last status report', cell: (u) => time(u.lastStatusReport) },
      ]),
    ),
  );

  append(
    f,
    collapsible(
      `Identifier history (${m.identifierHistory.length})${m.deviceIdCollision ? ' — device ID collision' : ''}`,
      m.deviceIdCollision || m.identifierHistory.length > 0,
      el(
        'p',
        { className: m.deviceIdCollision ? 'collision' : 'muted', attrs: { role: m.deviceIdCollision ? 'note' : 'none' } },
        m.deviceIdCollision
          ? 'Device ID collision: several machines that Chrome identifies as the same machine share this device ID. Reports from them are merged.'
          : 'No device ID collision reported.',
      ),
      table('Identifier history', m.identifierHistory, [
        { header: 'Machine name', cell: (r) => value(r.machineName) },
        { header: 'Serial number', cell: (r) => value(r.serialNumber) },
        { header: 'First recorded', cell: (r) => time(r.firstRecord) },
        { header: 'Last activity', cell: (r) => time(r.lastActivity) },
      ]),
    ),
  );
  return f;
}
