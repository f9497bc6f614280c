// The annotations form: edit in place, validation as you type, dirty indicator, Save/Revert, and the
// conflict chooser when someone else changed a field the admin edited.

import type { AnnotationField } from '../../src/api/types';
import {
  ANNOTATION_KEYS,
  ANNOTATION_LABELS,
  ANNOTATION_MAX_LENGTH,
  validateChangedAnnotations,
  type AnnotationValues,
  type FieldConflict,
} from '../../src/model/annotations';
import type { AnnotationDraft, OfferedDraft } from '../../src/webview/details/protocol';
import { append, button, el, setDisabled, value } from './_dom';
import { displayLocale } from './_locale';

type Control = HTMLElementTagNameMap['vscode-textfield'] | HTMLElementTagNameMap['vscode-textarea'];

export interface FormCallbacks {
  save(annotations: AnnotationValues, base: AnnotationValues): void;
  revert(): void;
  draftChanged(draft: AnnotationDraft | null): void;
  /** The admin restored (true) or discarded (false) the draft kept from an earlier panel. */
  offerAnswered(restored: boolean): void;
}

const HINTS: Record<AnnotationField, string> = {
  annotatedUser: 'Who uses this machine.',
  annotatedLocation: 'Where the machine is.',
  annotatedAssetId: 'Your inventory number for the machine.',
  annotatedNotes: 'Free text; line breaks allowed.',
};

export class AnnotationForm {
  readonly element: HTMLElement;
  private base: AnnotationValues = { annotatedUser: '', annotatedLocation: '', annotatedAssetId: '', annotatedNotes: '' };
  private readonly controls = new Map<AnnotationField, Control>();
  private readonly messages = new Map<AnnotationField, HTMLElement>();
  private readonly markers = new Map<AnnotationField, HTMLElement>();
  private readonly dirtyBadge: HTMLElement;
  private readonly saveButton: HTMLElementTagNameMap['vscode-button'];
  private readonly revertButton: HTMLElementTagNameMap['vscode-button'];
  private readonly status: HTMLElement;
  private readonly conflictBox: HTMLElement;
  private readonly readOnlyNote: HTMLElement;
  private readonly offerBox: HTMLElement;
  private saving = false;
  private readOnly = false;
  private conflict: { fields: FieldConflict[]; remote: AnnotationValues } | undefined;
  /** A draft from an earlier panel: the fields stay locked until the admin restores or discards it. */
  private offer: { offered: OfferedDraft; remote: AnnotationValues } | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private lastSentDirty = false;
  /** Where the focus was when a save began, to put it back afterwards (saving locks the form meanwhile). */
  private focusBeforeSave: HTMLElement | undefined;

  constructor(private readonly cb: FormCallbacks) {
    const grid = el('div', { className: 'form-grid' });
    for (const k of ANNOTATION_KEYS) {
      const id = `field-${k}`;
      const control: Control = k === 'annotatedNotes' ? document.createElement('vscode-textarea') : document.createElement('vscode-textfield');
      control.id = id;
      control.setAttribute('name', k);
      control.setAttribute('aria-describedby', `${id}-message`);
      control.setAttribute('aria-label', ANNOTATION_LABELS[k]);
      if (control instanceof HTMLElement && 'rows' in control) control.rows = 4;
      control.addEventListener('input', () => this.changed());
      this.controls.set(k, control);
      const label = document.createElement('vscode-label');
      label.htmlFor = id;
      label.textContent = ANNOTATION_LABELS[k];
      const marker = el('span', { className: 'modified-marker', text: '', attrs: { 'aria-live': 'polite' } });
      this.markers.set(k, marker);
      const message = el(
        'div',
        { className: 'field-message', attrs: { id: `${id}-message` } },
        `${HINTS[k]} At most ${ANNOTATION_MAX_LENGTH[k]} characters.`,
      );
      this.messages.set(k, message);
      append(grid, el('div', { className: `field field-${k}` }, el('div', { className: 'label-row' }, label, marker), control, message));
    }
    this.dirtyBadge = el('span', { className: 'dirty-badge', text: 'Unsaved changes', attrs: { role: 'status' } });
    this.dirtyBadge.hidden = true;
    this.saveButton = button('Save', () => this.requestSave(), { id: 'save' });
    this.revertButton = button('Revert', () => this.revert(), { id: 'revert', secondary: true });
    // tabindex -1: focusable from script only, for the focus after a save (restoreFocus).
    this.status = el('div', { className: 'form-status', attrs: { role: 'status', 'aria-live': 'polite', tabindex: '-1' } });
    this.conflictBox = el('div', { className: 'conflict', attrs: { role: 'group', 'aria-label': 'Conflicting changes' } });
    this.conflictBox.hidden = true;
    this.readOnlyNote = el('p', {
      className: 'muted',
      text: 'Read-only access: the CBCM sign-in uses the read-only scope, so annotations cannot be changed here.',
    });
    this.readOnlyNote.hidden = true;
    this.offerBox = el('div', { className: 'draft-offer', attrs: { role: 'group', 'aria-label': 'Unsaved changes from before' } });
    this.offerBox.hidden = true;
    this.element = el(
      'form',
      { className: 'annotations', attrs: { novalidate: '', 'aria-label': 'Annotations' } },
      this.offerBox,
      this.readOnlyNote,
      grid,
      el('div', { className: 'form-actions' }, this.saveButton, this.revertButton, this.dirtyBadge),
      this.status,
      this.conflictBox,
    );
    this.element.addEventListener('submit', (e) => {
      e.preventDefault();
      this.requestSave();
    });
    this.update();
  }

  values(): AnnotationValues {
    const v = { ...this.base };
    for (const k of ANNOTATION_KEYS) v[k] = this.controls.get(k)!.value;
    return v;
  }

  isDirty(): boolean {
    const v = this.values();
    return ANNOTATION_KEYS.some((k) => v[k] !== this.base[k]);
  }

  /**
   * New device data. Fields the admin is editing keep their value and their base (so a save still detects
   * a remote change); the others show the new value. A draft (after the webview was recreated) is restored.
   */
  load(remote: AnnotationValues, draft: AnnotationDraft | undefined, readOnly: boolean, offered?: OfferedDraft): void {
    this.readOnly = readOnly;
    // An offer is only made to a form without edits; it stands until answered (or the panel drops it).
    this.offer = offered && !draft && !this.isDirty() ? { offered, remote } : undefined;
    this.renderOffer();
    const current = draft ? draft.annotations : this.values();
    const base = draft ? draft.base : this.base;
    for (const k of ANNOTATION_KEYS) {
      const editing = current[k] !== base[k];
      if (editing) {
        this.base[k] = base[k];
        this.controls.get(k)!.value = current[k];
      } else {
        this.base[k] = remote[k];
        this.controls.get(k)!.value = remote[k];
      }
    }
    this.update();
  }

  /** Empties the form (the device is gone): no value, no offer, no conflict, nothing unsaved. */
  clear(): void {
    clearTimeout(this.draftTimer);
    this.lastSentDirty = false;
    this.offer = undefined;
    this.conflict = undefined;
    this.renderOffer();
    this.renderConflict();
    for (const k of ANNOTATION_KEYS) {
      this.base[k] = '';
      this.controls.get(k)!.value = '';
    }
    this.setStatus('', false);
    this.update();
  }

  saved(remote: AnnotationValues): void {
    this.saving = false;
    this.conflict = undefined;
    this.base = { ...remote };
    for (const k of ANNOTATION_KEYS) this.controls.get(k)!.value = remote[k];
    this.setStatus('Saved.', false);
    this.update();
    this.restoreFocus();
    this.sendDraft();
  }

  saveFailed(message: string): void {
    this.saving = false;
    this.setStatus(message, true);
    this.update();
    this.restoreFocus();
  }

  /**
   * Save what the form holds (the Save button, Enter in a field, Ctrl+S / Cmd+S through the extension). Says
   * why when there is nothing it may save, instead of doing nothing silently.
   */
  requestSave(): void {
    if (this.saving) return;
    if (this.offer) return this.setStatus('First choose whether to restore or discard the unsaved changes from before.', true);
    if (this.readOnly) return this.setStatus('Read-only access: nothing can be saved.', true);
    if (this.conflict) return this.setStatus('Choose which values to keep first ("Save with these choices").', true);
    if (!this.isDirty()) return this.setStatus('No unsaved changes.', false);
    const errors = Object.values(this.errors());
    if (errors.length > 0) return this.setStatus(`Not saved: ${errors.join(' ')}`, true);
    this.focusBeforeSave = activeElement();
    this.saving = true;
    this.setStatus('Saving…', false);
    this.update();
    this.cb.save(this.values(), { ...this.base });
  }

  private restoreFocus(): void {
    const target = this.focusBeforeSave;
    this.focusBeforeSave = undefined;
    // Only if the focus was lost on the way (fields are disabled while saving); never steal it from elsewhere.
    if (!target || !target.isConnected) return;
    const now = activeElement();
    if (now && now !== document.body && now !== target) return;
    // The controls re-enable when they re-render; focus after that. A disabled button cannot hold the focus (Save
    // after a successful save): the result line right below it takes it, so the place in the Tab order is kept and
    // a screen reader reads "Saved.".
    const controls = [...this.controls.values()];
    void Promise.all([...controls, this.saveButton].map((c) => c.updateComplete)).then(() => {
      if (target.hasAttribute('disabled')) this.status.focus();
      else target.focus();
    });
  }

  /** Offers the draft an earlier panel kept: Restore puts it in the form, Discard forgets it. */
  private renderOffer(): void {
    const box = this.offerBox;
    box.replaceChildren();
    if (!this.offer) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const { offered, remote } = this.offer;
    const changed = ANNOTATION_KEYS.filter((k) => offered.draft.annotations[k] !== offered.draft.base[k]).map((k) => ANNOTATION_LABELS[k]);
    const when = new Date(offered.savedAt).toLocaleString(displayLocale());
    append(
      box,
      el(
        'p',
        { className: 'draft-offer-text' },
        el('strong', { text: 'Unsaved changes from before. ' }),
        `You changed ${changed.join(', ') || 'the annotations'} on ${when} without saving (the panel was closed or the window reloaded). `,
        'Restore them into the form, or discard them.',
      ),
      el(
        'div',
        { className: 'form-actions' },
        button(
          'Restore',
          () => {
            this.offer = undefined;
            this.renderOffer();
            this.load(remote, offered.draft, this.readOnly);
            this.setStatus('Restored the unsaved changes. Save to keep them.', false);
            this.cb.offerAnswered(true);
            this.sendDraft();
            this.controls.get(ANNOTATION_KEYS.find((k) => offered.draft.annotations[k] !== offered.draft.base[k]) ?? 'annotatedUser')?.focus();
          },
          { id: 'draft-restore' },
        ),
        button(
          'Discard',
          () => {
            this.offer = undefined;
            this.renderOffer();
            this.update();
            this.setStatus('Discarded the unsaved changes from before.', false);
            this.cb.offerAnswered(false);
            this.controls.get('annotatedUser')?.focus();
          },
          { id: 'draft-discard', secondary: true },
        ),
      ),
    );
  }

  /** Someone else changed fields the admin edited: refresh the untouched ones, ask about the rest. */
  conflicted(fields: FieldConflict[], remote: AnnotationValues): void {
    this.saving = false;
    const conflicting = new Set(fields.map((f) => f.field));
    const current = this.values();
    for (const k of ANNOTATION_KEYS) {
      if (conflicting.has(k)) continue;
      if (current[k] === this.base[k]) this.controls.get(k)!.value = remote[k];
      this.base[k] = remote[k];
    }
    this.conflict = { fields, remote };
    this.renderConflict();
    this.setStatus(
      `Someone changed ${fields.length === 1 ? 'this annotation' : 'these annotations'} since you opened the browser. Choose which value to keep.`,
      true,
    );
    this.update();
  }

  private renderConflict(): void {
    const box = this.conflictBox;
    box.replaceChildren();
    if (!this.conflict) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    append(box, el('h3', { text: 'Changed by someone else' }));
    for (const c of this.conflict.fields) {
      const name = `choice-${c.field}`;
      const mine = document.createElement('vscode-radio');
      mine.name = name;
      mine.value = 'yours';
      mine.checked = true;
      mine.textContent = 'Keep yours';
      mine.id = `${name}-yours`;
      const theirs = document.createElement('vscode-radio');
      theirs.name = name;
      theirs.value = 'theirs';
      theirs.textContent = 'Use theirs';
      theirs.id = `${name}-theirs`;
      const group = document.createElement('vscode-radio-group');
      group.setAttribute('aria-label', `${ANNOTATION_LABELS[c.field]}: which value to keep`);
      append(group, mine, theirs);
      append(
        box,
        el(
          'fieldset',
          { className: 'conflict-field', attrs: { 'data-field': c.field } },
          el('legend', { text: ANNOTATION_LABELS[c.field] }),
          el(
            'div',
            { className: 'versions' },
            el(
              'div',
              { className: 'version yours' },
              el('div', { className: 'version-label', text: 'Yours' }),
              el('pre', {}, value(c.yours, '(empty)')),
            ),
            el(
              'div',
              { className: 'version theirs' },
              el('div', { className: 'version-label', text: 'Theirs (saved meanwhile)' }),
              el('pre', {}, value(c.theirs, '(empty)')),
            ),
          ),
          group,
        ),
      );
    }
    const apply = button('Save with these choices', () => this.resolveConflict(), { id: 'conflict-apply' });
    const cancel = button(
      'Keep editing',
      () => {
        this.conflict = undefined;
        this.renderConflict();
        this.setStatus('', false);
      },
      { id: 'conflict-cancel', secondary: true },
    );
    append(box, el('div', { className: 'form-actions' }, apply, cancel));
    apply.focus();
  }

  private resolveConflict(): void {
    if (!this.conflict) return;
    const { fields, remote } = this.conflict;
    for (const c of fields) {
      const theirs = this.conflictBox.querySelector<HTMLElementTagNameMap['vscode-radio']>(`#choice-${c.field}-theirs`);
      if (theirs?.checked) this.controls.get(c.field)!.value = c.theirs;
    }
    // The remote values are the new base: what is still different from them is what the admin chose.
    this.base = { ...remote };
    this.conflict = undefined;
    this.renderConflict();
    this.update();
    if (this.isDirty()) this.requestSave();
    else {
      this.setStatus('Nothing left to save: the saved values are kept.', false);
      this.sendDraft();
    }
  }

  private revert(): void {
    for (const k of ANNOTATION_KEYS) this.controls.get(k)!.value = this.base[k];
    this.conflict = undefined;
    this.renderConflict();
    this.setStatus('Reverted to the loaded values.', false);
    this.update();
    clearTimeout(this.draftTimer);
    this.lastSentDirty = false;
    this.cb.revert();
  }

  private errors(): Partial<Record<AnnotationField, string>> {
    return validateChangedAnnotations(this.values(), this.base);
  }

  private changed(): void {
    this.update();
    clearTimeout(this.draftTimer);
    // The first edit goes out at once (the tab then shows "●", and a preview tab is kept for it); further
    // typing is batched.
    if (this.isDirty() !== this.lastSentDirty) this.sendDraft();
    else this.draftTimer = setTimeout(() => this.sendDraft(), 250);
  }

  /** Tells the extension what is unsaved now (null: nothing). */
  private sendDraft(): void {
    clearTimeout(this.draftTimer);
    const dirty = this.isDirty();
    this.lastSentDirty = dirty;
    this.cb.draftChanged(dirty ? { annotations: this.values(), base: { ...this.base } } : null);
  }

  private setStatus(text: string, isError: boolean): void {
    this.status.textContent = text;
    this.status.classList.toggle('error-text', isError);
  }

  /** Dirty markers, validation messages and button states from the current values. */
  private update(): void {
    const v = this.values();
    const errors = this.errors();
    let dirty = false;
    for (const k of ANNOTATION_KEYS) {
      const control = this.controls.get(k)!;
      const changed = v[k] !== this.base[k];
      dirty ||= changed;
      control.disabled = this.readOnly || this.saving || this.offer !== undefined;
      control.invalid = errors[k] !== undefined;
      control.setAttribute('aria-invalid', String(errors[k] !== undefined));
      this.markers.get(k)!.textContent = changed ? '● modified' : '';
      const message = this.messages.get(k)!;
      message.textContent = errors[k] ?? `${HINTS[k]} At most ${ANNOTATION_MAX_LENGTH[k]} characters.`;
      message.classList.toggle('error-text', errors[k] !== undefined);
    }
    this.dirtyBadge.hidden = !dirty;
    this.element.classList.toggle('dirty', dirty);
    setDisabled(
      this.saveButton,
      this.readOnly || this.saving || !dirty || Object.keys(errors).length > 0 || this.conflict !== undefined || this.offer !== undefined,
    );
    setDisabled(this.revertButton, this.saving || !dirty || this.offer !== undefined);
    this.readOnlyNote.hidden = !this.readOnly;
  }
}

/** The focused element of this document (a control's host element when the focus is inside its shadow root). */
function activeElement(): HTMLElement | undefined {
  const a = document.activeElement;
  return a instanceof HTMLElement ? a : undefined;
}
