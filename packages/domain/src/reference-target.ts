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
