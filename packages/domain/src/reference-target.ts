import type { TargetState } from "./evaluate.js";
import { TARGET_STATE_LABELS, type Bilingual } from "./verdict.js";

/**
 * A target by reference ("hoàn thành các mục tiêu của Kế hoạch số 12/KH-UBND") when that plan is in the system:
 * judged from the verdicts of that plan's own targets for the year — achieved when all are, not achieved as soon as
 * one is, at risk when one is, on track when all are achieved or on track; no data when none has a verdict.
 * (When the plan is only cited, the target is an ordinary yes/no target, entered by hand.)
 */
export function evaluateReferenceTarget(
  referenced: { number: string | null; states: readonly TargetState[] },
): { state: TargetState; label: Bilingual; reason: Bilingual } {
  const judged = referenced.states.filter((s) => s !== "noData");
  const count = (s: TargetState) => judged.filter((x) => x === s).length;
  const doc = referenced.number ? `Kế hoạch số ${referenced.number}` : "kế hoạch được dẫn chiếu";
  const docEn = referenced.number ? `plan ${referenced.number}` : "the referenced plan";
  const of = (n: number) => `${n}/${referenced.states.length}`;
  let state: TargetState;
  let reason: Bilingual;
  if (!judged.length) {
    state = "noData";
    reason = { vi: `Chưa có chỉ tiêu nào của ${doc} được đánh giá.`, en: `None of the targets of ${docEn} has been judged yet.` };
  } else if (count("notAchieved")) {
    state = "notAchieved";
    reason = { vi: `${of(count("notAchieved"))} chỉ tiêu của ${doc} không đạt.`, en: `${of(count("notAchieved"))} targets of ${docEn} are not achieved.` };
  } else if (count("atRisk")) {
    state = "atRisk";
    reason = { vi: `${of(count("atRisk"))} chỉ tiêu của ${doc} có nguy cơ không đạt.`, en: `${of(count("atRisk"))} targets of ${docEn} are at risk.` };
  } else if (count("achieved") === referenced.states.length) {
    state = "achieved";
    reason = { vi: `Tất cả ${referenced.states.length} chỉ tiêu của ${doc} đã đạt.`, en: `All ${referenced.states.length} targets of ${docEn} are achieved.` };
  } else {
    state = "onTrack";
    const waiting = referenced.states.length - judged.length;
    reason = {
      vi: `${of(count("achieved"))} chỉ tiêu của ${doc} đã đạt, ${of(count("onTrack"))} đúng tiến độ${waiting ? `, ${of(waiting)} chưa có số liệu` : ""}.`,
      en: `${of(count("achieved"))} targets of ${docEn} achieved, ${of(count("onTrack"))} on track${waiting ? `, ${of(waiting)} without data` : ""}.`,
    };
  }
  return { state, label: TARGET_STATE_LABELS[state], reason };
}

/**
 * What a target by reference is judged from, as the evaluation receives it: the verdicts of the referenced plan's
 * targets for the year (when that plan is in the system), or the document as cited (then the figure entered for the
 * target is a yes/no: 1 = completed, 0 = not yet).
 */
export type TargetReference =
  | { kind: "plan"; number: string | null; states: readonly TargetState[] }
  | { kind: "cited"; citedVi: string };

type ReferenceVerdict = { state: TargetState; label: Bilingual; reason: Bilingual; achieved: boolean | null };

/**
 * A target by reference for a year (called by `evaluateTargetForYear`, the one evaluation): from the referenced
 * plan's progress (`evaluateReferenceTarget`), else from the yes/no entered for it — completed: achieved; not yet, and
 * the deadline (the target year, else the end of the plan period) has come: not achieved; not yet before it: on track
 * in the first year of the plan, at risk after (as any yes/no target without a roadmap).
 */
export function evaluateByReference(
  reference: TargetReference,
  figure: number | null,
  year: number,
  deadline: number | null,
  periodStart: number | null,
): ReferenceVerdict {
  if (reference.kind === "plan") {
    const r = evaluateReferenceTarget({ number: reference.number, states: reference.states });
    return { ...r, achieved: r.state === "achieved" ? true : r.state === "notAchieved" ? false : null };
  }
  const doc = reference.citedVi;
  const out = (state: TargetState, reason: Bilingual, achieved: boolean | null): ReferenceVerdict => ({ state, label: TARGET_STATE_LABELS[state], reason, achieved });
  if (figure === null || !Number.isFinite(figure))
    return out("noData", { vi: `Chưa nhập kết quả năm ${year} (có/không) về việc hoàn thành các mục tiêu của ${doc}.`, en: `No yes/no result for ${year} on completing the targets of ${doc}.` }, null);
  if (figure !== 0 && figure !== 1)
    return out("noData", { vi: `Chỉ tiêu theo ${doc} chỉ nhận kết quả có/không (1 hoặc 0).`, en: `A target by reference to ${doc} takes a yes/no result (1 or 0).` }, null);
  if (figure === 1) return out("achieved", { vi: `Đã hoàn thành các mục tiêu của ${doc} (kết quả nhập: có).`, en: `The targets of ${doc} are completed (entered: yes).` }, true);
  if (deadline !== null && year >= deadline)
    return out("notAchieved", { vi: `Đã đến năm ${deadline}; chưa hoàn thành các mục tiêu của ${doc} (kết quả nhập: không).`, en: `The year ${deadline} has come; the targets of ${doc} are not completed (entered: no).` }, false);
  const first = periodStart !== null && year <= periodStart;
  const until = (l: "vi" | "en") => (deadline === null ? "" : l === "vi" ? `; hạn năm ${deadline}` : `; due ${deadline}`);
  return out(
    first ? "onTrack" : "atRisk",
    { vi: `Chưa hoàn thành các mục tiêu của ${doc} (kết quả nhập: không)${until("vi")}.`, en: `The targets of ${doc} are not completed yet (entered: no)${until("en")}.` },
    false,
  );
}
