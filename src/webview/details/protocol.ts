// The message protocol between the device-details panel (extension host) and its webview script
// (media/src/details.ts). Both sides import this file, so it must stay free of `vscode` and Node imports.
//
// Every message that crosses the boundary is checked by a hand-written guard; anything unknown or malformed
// is dropped by the receiver (and logged without its contents, because device data is untrusted).

import type { AnnotationField, ChromeBrowser } from '../../api/types';
import { ANNOTATION_KEYS, type AnnotationValues, type FieldConflict } from '../../model/annotations';
import { isCopyText, isFiniteNumber, isObject, isOneOf, isRequestId, type CopyMessage, type ReadyMessage, type RequestId } from '../messageGuards';

/** What the form holds when it differs from the loaded device; kept by the panel across hide/show. */
export interface AnnotationDraft {
  /** The admin's values. */
  annotations: AnnotationValues;
  /** The values the form was loaded with (the base for conflict detection). */
  base: AnnotationValues;
}

/** A draft kept from an earlier panel (closed, or before a reload), offered back until restored or discarded. */
export interface OfferedDraft {
  draft: AnnotationDraft;
  /** When it was last changed (ms since the epoch), so the admin can tell an old draft from a fresh one. */
  savedAt: number;
}

// ---------------------------------------------------------------- webview → extension

export type WebviewMessage =
  | ReadyMessage
  | { type: 'save'; requestId: RequestId; annotations: AnnotationValues; base: AnnotationValues }
  | { type: 'revert' }
  | { type: 'refresh' }
  | CopyMessage
  | { type: 'draft'; draft: AnnotationDraft | null }
  /** The admin chose what to do with the offered draft (it is then in the form, or gone). */
  | { type: 'restoreDraft' }
  | { type: 'discardDraft' }
  /**
   * Posted once the device is on screen. `loadedAt` echoes the device message it rendered; `bootMs` is the
   * webview's own start-up (from its HTML arriving to `ready`: parsing, our CSS and script, first layout);
   * `renderMs` from the device message to the painted panel.
   */
  | { type: 'rendered'; loadedAt: number; renderMs: number; bootMs: number };

// ---------------------------------------------------------------- extension → webview

/** The reply to `save`, paired with it by `requestId`. */
export type SaveResult =
  | { requestId: RequestId; ok: true; browser: ChromeBrowser }
  | { requestId: RequestId; ok: false; conflict: { fields: FieldConflict[]; remote: AnnotationValues; browser: ChromeBrowser } }
  | { requestId: RequestId; ok: false; error: string };

export type ExtensionMessage =
  | { type: 'device'; browser: ChromeBrowser; loadedAt: number; draft?: AnnotationDraft; offeredDraft?: OfferedDraft; readOnly?: boolean }
  | ({ type: 'saveResult' } & SaveResult)
  /** Loading failed (or signed out); the webview shows `message` and offers Refresh. */
  | { type: 'error'; deviceId: string; message: string }
  /** The device is gone (deleted): every device value leaves the page; only `message` stays. */
  | { type: 'blank'; deviceId: string; message: string }
  /** Save (Ctrl+S / Cmd+S or the title-bar button): the webview saves what the form holds, as its Save button would. */
  | { type: 'requestSave' };

// ---------------------------------------------------------------- guards

const isAnnotationField = isOneOf<AnnotationField>(ANNOTATION_KEYS);

/** Exactly the four annotation keys, each a string (extra keys are refused, not ignored). */
export function isAnnotationValues(v: unknown): v is AnnotationValues {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === ANNOTATION_KEYS.length && ANNOTATION_KEYS.every((k) => typeof v[k] === 'string');
}

export function isAnnotationDraft(v: unknown): v is AnnotationDraft {
  return isObject(v) && isAnnotationValues(v.annotations) && isAnnotationValues(v.base);
}

export function isOfferedDraft(v: unknown): v is OfferedDraft {
  return isObject(v) && isAnnotationDraft(v.draft) && isFiniteNumber(v.savedAt);
}

/**
 * A browser as far as the panel relies on it: an object with a string `deviceId`. Every other field is
 * read defensively by the renderer (see detailsModel.ts), because it comes from end machines.
 */
export function isBrowserLike(v: unknown): v is ChromeBrowser {
  return isObject(v) && typeof v.deviceId === 'string' && v.deviceId.length > 0;
}

function isFieldConflict(v: unknown): v is FieldConflict {
  return isObject(v) && isAnnotationField(v.field) && typeof v.base === 'string' && typeof v.yours === 'string' && typeof v.theirs === 'string';
}

/** Validates a message the webview posted; undefined means "drop it". */
export function parseWebviewMessage(v: unknown): WebviewMessage | undefined {
  if (!isObject(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'ready':
    case 'revert':
    case 'refresh':
    case 'restoreDraft':
    case 'discardDraft':
      return { type: v.type };
    case 'save':
      if (!isRequestId(v.requestId) || !isAnnotationValues(v.annotations) || !isAnnotationValues(v.base)) return undefined;
      return { type: 'save', requestId: v.requestId, annotations: pickAnnotations(v.annotations), base: pickAnnotations(v.base) };
    case 'copy':
      if (!isCopyText(v.text)) return undefined;
      return { type: 'copy', text: v.text };
    case 'draft':
      if (v.draft === null) return { type: 'draft', draft: null };
      if (!isAnnotationDraft(v.draft)) return undefined;
      return { type: 'draft', draft: { annotations: pickAnnotations(v.draft.annotations), base: pickAnnotations(v.draft.base) } };
    case 'rendered':
      if (!isFiniteNumber(v.loadedAt) || !isFiniteNumber(v.renderMs) || v.renderMs < 0) return undefined;
      if (!isFiniteNumber(v.bootMs) || v.bootMs < 0) return undefined;
      return { type: 'rendered', loadedAt: v.loadedAt, renderMs: v.renderMs, bootMs: v.bootMs };
    default:
      return undefined;
  }
}

/** Validates a message the extension posted; undefined means "drop it". */
export function parseExtensionMessage(v: unknown): ExtensionMessage | undefined {
  if (!isObject(v) || typeof v.type !== 'string') return undefined;
  switch (v.type) {
    case 'device': {
      if (!isBrowserLike(v.browser) || !isFiniteNumber(v.loadedAt)) return undefined;
      if (v.draft !== undefined && !isAnnotationDraft(v.draft)) return undefined;
      if (v.offeredDraft !== undefined && !isOfferedDraft(v.offeredDraft)) return undefined;
      if (v.readOnly !== undefined && typeof v.readOnly !== 'boolean') return undefined;
      const msg: ExtensionMessage = { type: 'device', browser: v.browser, loadedAt: v.loadedAt };
      if (v.draft !== undefined) msg.draft = v.draft;
      if (v.offeredDraft !== undefined) msg.offeredDraft = v.offeredDraft;
      if (v.readOnly !== undefined) msg.readOnly = v.readOnly;
      return msg;
    }
    case 'saveResult': {
      if (!isRequestId(v.requestId) || typeof v.ok !== 'boolean') return undefined;
      if (v.ok) {
        return isBrowserLike(v.browser) ? { type: 'saveResult', requestId: v.requestId, ok: true, browser: v.browser } : undefined;
      }
      if (typeof v.error === 'string') return { type: 'saveResult', requestId: v.requestId, ok: false, error: v.error };
      const c = v.conflict;
      if (
        isObject(c) &&
        Array.isArray(c.fields) &&
        c.fields.length > 0 &&
        c.fields.every(isFieldConflict) &&
        isAnnotationValues(c.remote) &&
        isBrowserLike(c.browser)
      ) {
        return {
          type: 'saveResult',
          requestId: v.requestId,
          ok: false,
          conflict: { fields: c.fields, remote: c.remote, browser: c.browser },
        };
      }
      return undefined;
    }
    case 'error':
    case 'blank':
      return typeof v.message === 'string' && typeof v.deviceId === 'string' && v.deviceId.length > 0
        ? { type: v.type, deviceId: v.deviceId, message: v.message }
        : undefined;
    case 'requestSave':
      return { type: 'requestSave' };
    default:
      return undefined;
  }
}

function pickAnnotations(v: AnnotationValues): AnnotationValues {
  return {
    annotatedUser: v.annotatedUser,
    annotatedLocation: v.annotatedLocation,
    annotatedAssetId: v.annotatedAssetId,
    annotatedNotes: v.annotatedNotes,
  };
}
