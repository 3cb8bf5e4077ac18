/**
 * The body editor's actions: each structural key or button becomes the fewest store calls, sent in order
 * through the session queue, and the node keeps (or gets) the keyboard focus once the plan has reloaded.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { BodyNodeInput } from '../../../../../electron/core/api/contract';
import type { BodyNode, RichText } from '../../../../../electron/core/model/types';
import type { PlanSession } from '../../../state/plan-session';
import { findPlace, indentCalls, outdentCalls, shiftCall, type BodyCall } from './tree';

/** Where the caret goes when a node gets the focus back: an offset in its first field, or its end. */
export type Caret = number | 'end';

export interface BodyEditor {
  /** Saves a node's runs (text edits, bold/italic). */
  setText(nodeId: number, text: RichText): void;
  update(nodeId: number, patch: Partial<BodyNodeInput>): void;
  /** Enter: a sibling of the same kind right after the node; `tail` is the text after the caret, if split. */
  addSiblingAfter(nodeId: number, head: RichText | null, tail: RichText): void;
  indent(nodeId: number, caret: Caret): boolean;
  outdent(nodeId: number, caret: Caret): boolean;
  shift(nodeId: number, delta: -1 | 1, caret: Caret): boolean;
  remove(nodeId: number): void;
  addPart(): void;
}

/** The session shows a failed edit's error itself; the promise is only for the new id. */
function quiet(p: Promise<unknown>): void {
  p.catch(() => undefined);
}

function focusNode(id: number, caret: Caret): boolean {
  const field = document.querySelector<HTMLTextAreaElement>(`[data-node-id="${id}"] > .body-row .body-field`);
  if (!field) return false;
  field.focus({ preventScroll: false });
  const at = caret === 'end' ? field.value.length : Math.min(caret, field.value.length);
  field.setSelectionRange(at, at);
  field.scrollIntoView({ block: 'nearest' });
  return true;
}

export function useBodyEditor(body: readonly BodyNode[], session: PlanSession): BodyEditor {
  // The tree as last loaded; actions read it at call time so a queued edit sees the newest shape.
  const bodyRef = useRef(body);
  bodyRef.current = body;
  const wantFocus = useRef<{ id: number; caret: Caret } | null>(null);

  // After each reload, the node that asked for the focus gets it (it may have been re-mounted elsewhere).
  useEffect(() => {
    const want = wantFocus.current;
    if (want && focusNode(want.id, want.caret)) wantFocus.current = null;
  }, [body]);

  const send = useCallback(
    (calls: BodyCall[], focus?: { id: number; caret: Caret }) => {
      if (focus) wantFocus.current = focus;
      for (let i = 0; i < calls.length; i++) {
        const call = calls[i];
        const next = calls[i + 1];
        if (call.op === 'move' && next?.op === 'update' && next.nodeId === call.nodeId) {
          // A move and a change of kind of the same node (Tab, Shift+Tab) go as one edit: one undo step.
          quiet(session.edit('moveBodyNode', call.nodeId, call.parentId, call.index, next.patch));
          i++;
        } else if (call.op === 'move') quiet(session.edit('moveBodyNode', call.nodeId, call.parentId, call.index));
        else quiet(session.edit('updateBodyNode', call.nodeId, call.patch));
      }
    },
    [session],
  );

  return useMemo<BodyEditor>(() => {
    const place = (id: number) => findPlace(bodyRef.current, id);
    return {
      setText(nodeId, text) {
        quiet(session.edit('updateBodyNode', nodeId, { text }));
      },
      update(nodeId, patch) {
        quiet(session.edit('updateBodyNode', nodeId, patch));
      },
      addSiblingAfter(nodeId, head, tail) {
        const p = place(nodeId);
        if (!p) return;
        if (head) quiet(session.edit('updateBodyNode', nodeId, { text: head }));
        const input: BodyNodeInput = { kind: p.node.kind, heading: p.node.heading, text: tail };
        void session.edit('insertBodyNode', p.parent?.id ?? null, p.index + 1, input).then((id) => {
          wantFocus.current = { id, caret: 0 };
          focusNode(id, 0);
        }, () => undefined);
      },
      indent(nodeId, caret) {
        const p = place(nodeId);
        const calls = p && indentCalls(p);
        if (!calls) return false;
        send(calls, { id: nodeId, caret });
        return true;
      },
      outdent(nodeId, caret) {
        const p = place(nodeId);
        const calls = p && outdentCalls(p);
        if (!calls) return false;
        send(calls, { id: nodeId, caret });
        return true;
      },
      shift(nodeId, delta, caret) {
        const p = place(nodeId);
        const call = p && shiftCall(p, delta);
        if (!call) return false;
        send([call], { id: nodeId, caret });
        return true;
      },
      remove(nodeId) {
        const p = place(nodeId);
        if (!p) return;
        // The focus goes to the node before it (or its parent), so the keyboard user stays in the tree.
        const next = p.siblings[p.index - 1] ?? p.siblings[p.index + 1] ?? p.parent;
        if (next?.id) wantFocus.current = { id: next.id, caret: 'end' };
        quiet(session.edit('deleteBodyNode', nodeId));
      },
      addPart() {
        const index = bodyRef.current.length;
        void session.edit('insertBodyNode', null, index, { kind: 'part', heading: true, text: [{ text: '' }] }).then((id) => {
          wantFocus.current = { id, caret: 0 };
        }, () => undefined);
      },
    };
  }, [session, send]);
}
