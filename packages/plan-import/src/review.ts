import { type DocumentKind, type TaskTiming, targetShapeIssues } from "@eduplan/domain";
import { PlanDraftSchema, type PlanDraft, type TargetFinding, type TaskFinding } from "./types.js";

/** An officer's decision on one finding: accept it, reject it, or correct some of its fields. */
export type ReviewDecision =
  | { id: string; status: "accepted" | "rejected"; note?: string }
  | { id: string; status: "corrected"; patch: Partial<Omit<TargetFinding, "id" | "review" | "source">> | Partial<Omit<TaskFinding, "id" | "review" | "source">>; note?: string };

/** Apply one decision; the draft is not changed, a new one is returned (validated whole). Unknown ids are refused. */
export function reviewFinding(draft: PlanDraft, decision: ReviewDecision): PlanDraft {
  const review = { status: decision.status, note: decision.note ?? null };
  const patch = decision.status === "corrected" ? decision.patch : {};
  let found = false;
  const apply = <T extends { id: string }>(f: T): T => {
    if (f.id !== decision.id) return f;
    found = true;
    return { ...f, ...patch, review };
  };
  const next = { ...draft, targets: draft.targets.map(apply), tasks: draft.tasks.map(apply), reportingDuties: draft.reportingDuties.map(apply) };
  if (!found) throw new Error(`Không có phát hiện nào mã ${decision.id} / no finding with id ${decision.id}`);
  return PlanDraftSchema.parse(next);
}

const KIND_OF: [RegExp, DocumentKind][] = [
  [/^Nghị quyết/u, "resolution"],
  [/^Quyết định/u, "decision"],
  [/^Kế hoạch/u, "plan"],
  [/^Kết luận/u, "conclusion"],
  [/^Chỉ thị/u, "directive"],
  [/^Nghị định/u, "decree"],
  [/^Chương trình hành động/u, "actionProgramme"],
  [/^Tờ trình/u, "submission"],
  [/^Luật/u, "law"],
];

export interface ReviewIssue {
  findingId: string | null;
  path: string;
  vi: string;
  en: string;
}

/** What the guarded write path receives: only accepted and corrected findings, with codes still to be mapped to ids. */
export interface AcceptedPlan {
  document: {
    documentKind: DocumentKind;
    number: string | null;
    titleVi: string | null;
    issuingBodyVi: string | null;
    issuedOn: string | null;
    signer: string | null;
    signerTitleVi: string | null;
    periodStart: number | null;
    periodEnd: number | null;
    visionYear: number | null;
    relations: { kind: "implements" | "cites"; citedKind: DocumentKind; citedNumber: string | null; citedIssuedOn: string | null; citedIssuerVi: string | null; knownDocumentId: string | null }[];
  };
  targets: {
    findingId: string;
    indicatorCode: string;
    comparator: TargetFinding["comparator"];
    value: number | null;
    valueMax: number | null;
    targetYear: number | null;
    appliesEveryYear: boolean;
    isAspirational: boolean;
    areaFlag: string | null;
    ageFrom: number | null;
    ageTo: number | null;
    conditionVi: string | null;
    /** The source sentence is kept on every target. */
    phraseVi: string;
    section: string | null;
    parentFindingId: string | null;
  }[];
  tasks: {
    findingId: string;
    titleVi: string;
    timing: TaskTiming | null;
    leadCodes: string[];
    coordinatingCodes: string[];
    requestedCodes: string[];
    sourceVi: string;
    section: string | null;
  }[];
}

/**
 * The plan an officer accepted: every finding must have been decided (none pending), every accepted target must name
 * an indicator and obey the domain's target rules, every accepted task must have a lead. Otherwise the issues, each
 * naming its finding, in Vietnamese and English — and nothing to write.
 */
export function acceptedPlan(draft: PlanDraft): { ok: true; plan: AcceptedPlan } | { ok: false; issues: ReviewIssue[] } {
  const issues: ReviewIssue[] = [];
  const kept = <T extends { id: string; review: { status: string } }>(list: T[]) => {
    for (const f of list)
      if (f.review.status === "pending") issues.push({ findingId: f.id, path: "review.status", vi: "Phát hiện này chưa được xem xét (chấp nhận, sửa hoặc loại bỏ).", en: "This finding has not been reviewed yet." });
    return list.filter((f) => f.review.status === "accepted" || f.review.status === "corrected");
  };
  const targets = kept(draft.targets);
  const tasks = kept(draft.tasks);
  for (const t of targets) {
    if (!t.indicator) issues.push({ findingId: t.id, path: "indicator", vi: "Chỉ tiêu chưa gắn với chỉ số nào trong danh mục.", en: "The target names no catalogue indicator." });
    for (const i of targetShapeIssues({ comparator: t.comparator, value: t.value, valueMax: t.valueMax, ageFrom: t.ageFrom, ageTo: t.ageTo, baselineYear: null, targetYear: t.targetYear }))
      issues.push({ findingId: t.id, path: i.path.join("."), vi: i.vi, en: i.en });
  }
  for (const t of tasks)
    if (!t.leads.length) issues.push({ findingId: t.id, path: "leads", vi: "Nhiệm vụ cần ít nhất một cơ quan chủ trì.", en: "A task needs at least one lead agency." });
  if (issues.length) return { ok: false, issues };

  const d = draft.document;
  const idOf = (index: number | null) => (index === null ? null : (draft.targets[index]?.id ?? null));
  return {
    ok: true,
    plan: {
      document: {
        documentKind: d.kind,
        number: d.number,
        titleVi: d.title,
        issuingBodyVi: d.issuer,
        issuedOn: d.date,
        signer: d.signer,
        signerTitleVi: d.signerTitle,
        periodStart: d.periodStart,
        periodEnd: d.periodEnd,
        visionYear: d.visionYear,
        relations: d.citations.map((c) => ({
          kind: c.relation === "implements" ? "implements" : "cites",
          citedKind: KIND_OF.find(([re]) => re.test(c.kind ?? ""))?.[1] ?? "other",
          citedNumber: c.number,
          citedIssuedOn: c.notes.length ? null : c.date,
          citedIssuerVi: c.issuer,
          knownDocumentId: c.knownDocumentId,
        })),
      },
      targets: targets.map((t) => ({
        findingId: t.id,
        indicatorCode: t.indicator!.code,
        comparator: t.comparator,
        value: t.value,
        valueMax: t.valueMax,
        targetYear: t.targetYear,
        appliesEveryYear: t.appliesEveryYear,
        isAspirational: t.isAspirational,
        areaFlag: t.areaFlag,
        ageFrom: t.ageFrom,
        ageTo: t.ageTo,
        conditionVi: t.conditionVi,
        phraseVi: t.source.sentence,
        section: t.source.section,
        parentFindingId: idOf(t.parentIndex),
      })),
      tasks: tasks.map((t) => ({
        findingId: t.id,
        titleVi: t.text,
        timing: t.timing,
        leadCodes: t.leads.map((a) => a.code),
        coordinatingCodes: t.coordinators.map((a) => a.code),
        requestedCodes: t.requested.map((a) => a.code),
        sourceVi: t.source.sentence,
        section: t.source.section,
      })),
    },
  };
}
