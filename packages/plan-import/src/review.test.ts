import { describe, expect, it } from "vitest";
import { importPlan } from "./import.js";
import { acceptedPlan, reviewFinding } from "./review.js";
import { SAMPLES, sampleText } from "./test-helpers.js";

describe("the review step's contract", () => {
  it("accepts, corrects and rejects findings one by one, and only then yields the plan to write", async () => {
    const s = SAMPLES[1];
    let draft = await importPlan(Buffer.from(sampleText(s.file)), `${s.file}.txt`);
    const before = acceptedPlan(draft);
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.issues.filter((i) => i.path === "review.status")).toHaveLength(draft.targets.length + draft.tasks.length);

    const nursery = draft.targets.find((t) => t.indicator?.code === "ecec.nursery.enrolment_rate")!;
    const comparative = draft.targets.find((t) => t.indicator?.code === "cross_cutting.comparative_standing")!;
    for (const f of [...draft.targets, ...draft.tasks]) {
      if (f.id === nursery.id) draft = reviewFinding(draft, { id: f.id, status: "corrected", patch: { value: 36 }, note: "Sửa theo bản ký" });
      else if (f.id === comparative.id) draft = reviewFinding(draft, { id: f.id, status: "rejected" });
      else draft = reviewFinding(draft, { id: f.id, status: "accepted" });
    }
    const result = acceptedPlan(draft);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.targets).toHaveLength(draft.targets.length - 1);
    expect(result.plan.targets.find((t) => t.findingId === nursery.id)!.value).toBe(36);
    expect(result.plan.targets.every((t) => t.phraseVi.length > 0)).toBe(true);
    expect(result.plan.tasks).toHaveLength(16);
    expect(result.plan.document.relations[0]).toMatchObject({ kind: "implements", citedKind: "plan", citedNumber: "1101/KH-UBND" });
  });
  it("refuses an accepted target that breaks the domain's rules, or a task without a lead, naming the finding", async () => {
    const s = SAMPLES[0];
    let draft = await importPlan(Buffer.from(sampleText(s.file)), `${s.file}.txt`);
    const range = draft.targets.find((t) => t.comparator === "range")!;
    const requested = draft.tasks.find((t) => t.requested.length > 0)!;
    for (const f of [...draft.targets, ...draft.tasks]) draft = reviewFinding(draft, { id: f.id, status: "accepted" });
    draft = reviewFinding(draft, { id: range.id, status: "corrected", patch: { valueMax: 10 } });
    const result = acceptedPlan(draft);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ findingId: range.id, path: "valueMax" }),
        expect.objectContaining({ findingId: requested.id, path: "leads", vi: "Nhiệm vụ cần ít nhất một cơ quan chủ trì." }),
      ]),
    );
    expect(() => reviewFinding(draft, { id: "nope", status: "accepted" })).toThrow(/nope/);
  });
});
