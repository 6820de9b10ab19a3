/**
 * The review's state in the browser: the draft as the API read it, the officer's decisions applied to it, and what
 * each body the document names stands for. Pure functions (the API validates the whole draft again on every save).
 */
import type { RouterOutputs } from "@eduplan/api";

export type ReadResult = RouterOutputs["planImport"]["read"];
export type Draft = ReadResult["draft"];
export type TargetFinding = Draft["targets"][number];
export type TaskFinding = Draft["tasks"][number];
export type DutyFinding = Draft["reportingDuties"][number];
export type AgencyRef = TaskFinding["leads"][number];
export type Finding = TargetFinding | TaskFinding | DutyFinding;
export type Status = Finding["review"]["status"];
export type Choice = ReadResult["assignees"][string];

/** One decision on one finding (targets, tasks or reporting duties), as plan-import's `reviewFinding` does it. */
export function decide(draft: Draft, id: string, status: Status, patch: Record<string, unknown> = {}): Draft {
  const apply = <T extends { id: string; review: { status: Status; note: string | null } }>(f: T): T =>
    f.id === id ? { ...f, ...patch, review: { status, note: f.review.note } } : f;
  return { ...draft, targets: draft.targets.map(apply), tasks: draft.tasks.map(apply), reportingDuties: draft.reportingDuties.map(apply) };
}

/** "Accept the rest": every finding still pending is accepted. */
export function acceptPending(draft: Draft): Draft {
  const apply = <T extends { review: { status: Status; note: string | null } }>(f: T): T => (f.review.status === "pending" ? { ...f, review: { ...f.review, status: "accepted" } } : f);
  return { ...draft, targets: draft.targets.map(apply), tasks: draft.tasks.map(apply), reportingDuties: draft.reportingDuties.map(apply) };
}

const kept = (f: { review: { status: Status } }) => f.review.status !== "rejected";

/** Every body a kept finding names, once per code, with the document's words. */
export function namedBodies(draft: Draft): AgencyRef[] {
  const refs = [
    ...draft.tasks.filter(kept).flatMap((t) => [...t.leads, ...t.coordinators, ...t.requested]),
    ...draft.reportingDuties.filter(kept).flatMap((d) => [...d.reporters, ...d.recipients]),
  ];
  const byCode = new Map<string, AgencyRef>();
  for (const r of refs) if (!byCode.has(r.code)) byCode.set(r.code, r);
  return [...byCode.values()];
}

export const pendingCount = (draft: Draft) => [...draft.targets, ...draft.tasks, ...draft.reportingDuties].filter((f) => f.review.status === "pending").length;

/** A finding's place in the text, for the highlight. */
export type Span = { id: string; start: number; end: number; status: Status };

/** The highlights of the text: every finding's source, in order, an overlapping one dropped (a clause of a sentence already marked). */
export function spansOf(draft: Draft): Span[] {
  const all = [...draft.targets, ...draft.tasks, ...draft.reportingDuties]
    .map((f) => ({ id: f.id, start: f.source.start, end: f.source.end, status: f.review.status }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of all) if (!out.length || s.start >= out[out.length - 1]!.end) out.push(s);
  return out;
}

/** The text cut into plain runs and highlighted runs. */
export function segments(text: string, spans: Span[]): { text: string; span: Span | null }[] {
  const out: { text: string; span: Span | null }[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ text: text.slice(at, s.start), span: null });
    out.push({ text: text.slice(s.start, s.end), span: s });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), span: null });
  return out;
}
