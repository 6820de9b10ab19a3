import { describe, expect, it } from "vitest";
import { ASSIGNEE_ROLE_FIELDS, ASSIGNEE_ROLES, TASK_TIMING_KINDS, TaskInputSchema, taskAssigneeIssues, taskSourceIssues, type TaskSourceConflict, TaskTimingSchema, taskDueInYear, tasksDueInYear, type TaskTiming, type TaskStatus } from "./task.js";

const timing = (t: unknown): TaskTiming => TaskTimingSchema.parse(t);
const dueYears = (t: TaskTiming, from = 2024, to = 2031) => {
  const years: number[] = [];
  for (let y = from; y <= to; y++) if (taskDueInYear(t, y) === "due") years.push(y);
  return years;
};

describe("taskDueInYear", () => {
  it("year: 'Năm 2026' is due in 2026 only", () => {
    expect(dueYears(timing({ kind: "year", year: 2026 }))).toEqual([2026]);
    expect(taskDueInYear(timing({ kind: "year", year: 2026 }), 2027)).toBe("notDue");
  });
  it("yearly without bounds: every year", () => {
    expect(dueYears(timing({ kind: "yearly" }))).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]);
  });
  it("yearly within the plan period 2026–2030", () => {
    expect(dueYears(timing({ kind: "yearly", from: 2026, to: 2030 }))).toEqual([2026, 2027, 2028, 2029, 2030]);
  });
  it("yearly with only a start, or only an end", () => {
    expect(dueYears(timing({ kind: "yearly", from: 2029 }))).toEqual([2029, 2030, 2031]);
    expect(dueYears(timing({ kind: "yearly", to: 2025 }))).toEqual([2024, 2025]);
  });
  it("yearThenYearly: 'Năm 2026, hàng năm' — from 2026 on, up to an optional end", () => {
    expect(dueYears(timing({ kind: "yearThenYearly", year: 2026 }))).toEqual([2026, 2027, 2028, 2029, 2030, 2031]);
    expect(dueYears(timing({ kind: "yearThenYearly", year: 2026, to: 2028 }))).toEqual([2026, 2027, 2028]);
  });
  it("yearRange: 'Giai đoạn 2026 – 2030' inclusive", () => {
    expect(dueYears(timing({ kind: "yearRange", from: 2026, to: 2030 }))).toEqual([2026, 2027, 2028, 2029, 2030]);
  });
  it("schoolYear: 'Năm học 2025 – 2026' is due in 2025 and 2026 only", () => {
    expect(dueYears(timing({ kind: "schoolYear", startYear: 2025 }))).toEqual([2025, 2026]);
  });
  it("quarter: due in its year", () => {
    expect(dueYears(timing({ kind: "quarter", year: 2027, quarter: 3 }))).toEqual([2027]);
  });
  it("date: due in the year of the date", () => {
    expect(dueYears(timing({ kind: "date", date: "2025-12-10" }))).toEqual([2025]);
  });
  it("event: awaiting until it happens, then due from its year on", () => {
    const awaiting = timing({ kind: "event", eventVi: "Khi Luật được ban hành" });
    for (const y of [2025, 2030]) expect(taskDueInYear(awaiting, y)).toBe("awaitingEvent");
    const occurred = timing({ kind: "event", eventVi: "Sau khi được Thủ tướng phê duyệt", occurredOn: "2026-03-15" });
    expect(taskDueInYear(occurred, 2025)).toBe("notDue");
    expect(dueYears(occurred)).toEqual([2026, 2027, 2028, 2029, 2030, 2031]);
  });
  it("continuous: 'Thường xuyên', bounded or not", () => {
    expect(dueYears(timing({ kind: "continuous" }))).toHaveLength(8);
    expect(dueYears(timing({ kind: "continuous", from: 2025, to: 2030 }))).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
  });
});

describe("tasksDueInYear", () => {
  type T = { name: string; timing: TaskTiming; leadAgencyIds: number[]; coordinatingAgencyIds: number[]; status: TaskStatus };
  const SO_GD = 1;
  const SO_TC = 2;
  const SO_NV = 3;
  const task = (name: string, t: unknown, lead: number[], coordinating: number[] = [], status: TaskStatus = "notStarted"): T => ({
    name,
    timing: timing(t),
    leadAgencyIds: lead,
    coordinatingAgencyIds: coordinating,
    status,
  });
  const tasks: T[] = [
    task("review network 2026", { kind: "year", year: 2026 }, [SO_GD], [SO_TC]),
    task("yearly report", { kind: "yearly", from: 2025, to: 2030 }, [SO_GD]),
    task("budget each year", { kind: "yearThenYearly", year: 2026 }, [SO_TC], [SO_GD]),
    task("staffing scheme", { kind: "event", eventVi: "Khi Luật được ban hành" }, [SO_NV], [SO_GD]),
    task("done already", { kind: "year", year: 2026 }, [SO_GD], [], "completed"),
    task("dropped", { kind: "yearly" }, [SO_TC], [], "cancelled"),
    task("in progress", { kind: "schoolYear", startYear: 2025 }, [SO_NV], [], "inProgress"),
    task("overdue", { kind: "year", year: 2026 }, [SO_NV], [], "overdue"),
  ];
  const names = (ts: T[]) => ts.map((t) => t.name);

  it("every open task due in the year, not those awaiting an event", () => {
    expect(names(tasksDueInYear(tasks, 2026))).toEqual(["review network 2026", "yearly report", "budget each year", "in progress", "overdue"]);
  });
  it("a different year", () => {
    expect(names(tasksDueInYear(tasks, 2025))).toEqual(["yearly report", "in progress"]);
  });
  it("completed and cancelled tasks only with includeCompleted", () => {
    expect(names(tasksDueInYear(tasks, 2026, { includeCompleted: true }))).toEqual([
      "review network 2026",
      "yearly report",
      "budget each year",
      "done already",
      "dropped",
      "in progress",
      "overdue",
    ]);
  });
  it("an agency's tasks, whether it leads or coordinates", () => {
    expect(names(tasksDueInYear(tasks, 2026, { agencyId: SO_GD }))).toEqual(["review network 2026", "yearly report", "budget each year"]);
    expect(names(tasksDueInYear(tasks, 2026, { agencyId: SO_TC }))).toEqual(["review network 2026", "budget each year"]);
    expect(names(tasksDueInYear(tasks, 2026, { agencyId: 99 }))).toEqual([]);
  });
  it("an agency requested to take part (đề nghị) has the task too", () => {
    const requested = { ...task("front", { kind: "year", year: 2026 }, []), requestedAgencyIds: [SO_NV] };
    expect(names(tasksDueInYear([requested], 2026, { agencyId: SO_NV }))).toEqual(["front"]);
  });
  it("agency and includeCompleted together", () => {
    expect(names(tasksDueInYear(tasks, 2026, { agencyId: SO_TC, includeCompleted: true }))).toEqual(["review network 2026", "budget each year", "dropped"]);
  });
});

describe("TaskTimingSchema", () => {
  it("parses every kind, with defaults for the optional bounds", () => {
    expect(TaskTimingSchema.parse({ kind: "year", year: 2026 })).toEqual({ kind: "year", year: 2026 });
    expect(TaskTimingSchema.parse({ kind: "yearly" })).toEqual({ kind: "yearly", from: null, to: null });
    expect(TaskTimingSchema.parse({ kind: "yearThenYearly", year: 2026 })).toEqual({ kind: "yearThenYearly", year: 2026, to: null });
    expect(TaskTimingSchema.parse({ kind: "yearRange", from: 2026, to: 2030 })).toEqual({ kind: "yearRange", from: 2026, to: 2030 });
    expect(TaskTimingSchema.parse({ kind: "schoolYear", startYear: 2025 })).toEqual({ kind: "schoolYear", startYear: 2025 });
    expect(TaskTimingSchema.parse({ kind: "quarter", year: 2027, quarter: 4 })).toEqual({ kind: "quarter", year: 2027, quarter: 4 });
    expect(TaskTimingSchema.parse({ kind: "date", date: "2025-12-10" })).toEqual({ kind: "date", date: "2025-12-10" });
    expect(TaskTimingSchema.parse({ kind: "event", eventVi: "Khi Luật được ban hành" })).toEqual({
      kind: "event",
      eventVi: "Khi Luật được ban hành",
      eventEn: null,
      occurredOn: null,
    });
    expect(TaskTimingSchema.parse({ kind: "continuous" })).toEqual({ kind: "continuous", from: null, to: null });
  });
  it("knows exactly ten kinds", () => {
    expect([...TASK_TIMING_KINDS].sort()).toEqual(["continuous", "date", "event", "notStated", "quarter", "schoolYear", "year", "yearRange", "yearThenYearly", "yearly"]);
  });
  it("'not stated' is its own kind, distinct from 'thường xuyên': never due, and says why", () => {
    const notStated = timing({ kind: "notStated" });
    expect(notStated).toEqual({ kind: "notStated" });
    expect(taskDueInYear(notStated, 2026)).toBe("timingNotStated");
    expect(dueYears(notStated)).toEqual([]);
    expect(dueYears(timing({ kind: "continuous" }))).toHaveLength(8);
    expect(TaskTimingSchema.safeParse({ kind: "notStated", year: 2026 }).data).toEqual({ kind: "notStated" });
  });
  it("rejects an unknown kind", () => {
    const r = TaskTimingSchema.safeParse({ kind: "fortnightly", year: 2026 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["kind"]);
  });
  it("rejects bad fields of a known kind", () => {
    expect(TaskTimingSchema.safeParse({ kind: "quarter", year: 2027, quarter: 5 }).success).toBe(false);
    expect(TaskTimingSchema.safeParse({ kind: "date", date: "10/12/2025" }).success).toBe(false);
    expect(TaskTimingSchema.safeParse({ kind: "event", eventVi: "  " }).success).toBe(false);
    expect(TaskTimingSchema.safeParse({ kind: "year", year: 1900 }).success).toBe(false);
  });
});

describe("TaskInputSchema", () => {
  const base = { planId: 1, code: "t-1", titleVi: "Rà soát mạng lưới trường", timing: { kind: "year", year: 2026 } };
  it("needs someone: a lead, a coordinating or a requested agency or collective", () => {
    const r = TaskInputSchema.safeParse(base);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(["leadAgencyIds"]);
    expect(TaskInputSchema.safeParse({ ...base, leadAgencyIds: [1] }).success).toBe(true);
    expect(TaskInputSchema.safeParse({ ...base, leadCollectiveCodes: ["provincial-agencies"] }).success).toBe(true);
  });

  it("may have no lead when the text names only coordinators (243 §V.3), or only a requested body (§V.10)", () => {
    const coordinatorOnly = TaskInputSchema.parse({ ...base, coordinatingAgencyIds: [7] });
    expect(coordinatorOnly).toMatchObject({ leadAgencyIds: [], leadCollectiveCodes: [], coordinatingAgencyIds: [7], requestedAgencyIds: [] });
    expect(TaskInputSchema.parse({ ...base, requestedAgencyIds: [9] }).requestedAgencyIds).toEqual([9]);
    expect(TaskInputSchema.parse({ ...base, requestedCollectiveCodes: ["socio-political-organisations"] }).requestedCollectiveCodes).toEqual(["socio-political-organisations"]);
  });

  it("keeps several leads", () => {
    expect(TaskInputSchema.parse({ ...base, leadAgencyIds: [1, 2] }).leadAgencyIds).toEqual([1, 2]);
  });

  it("refuses the same agency or collective in two roles, naming the second place", () => {
    const r = TaskInputSchema.safeParse({ ...base, leadAgencyIds: [1], coordinatingAgencyIds: [2, 1], requestedCollectiveCodes: ["x"], leadCollectiveCodes: ["x"] });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path)).toEqual([["coordinatingAgencyIds", 1], ["requestedCollectiveCodes", 0]]);
    expect(taskAssigneeIssues({})[0]!.vi).toMatch(/ít nhất một đơn vị/);
  });

  it("ASSIGNEE_ROLE_FIELDS names a field of the schema for every role", () => {
    const shape = Object.keys(TaskInputSchema.parse({ ...base, leadAgencyIds: [1] }));
    for (const role of ASSIGNEE_ROLES) for (const f of Object.values(ASSIGNEE_ROLE_FIELDS[role])) expect(shape).toContain(f);
  });
});

describe("where a task's values came from, and repeated rows", () => {
  const base = { planId: 1, code: "12-bis", titleVi: "Rà soát", timing: { kind: "notStated" }, leadAgencyIds: [1] };
  it("a task keeps its row number as written and the row it repeats", () => {
    expect(TaskInputSchema.parse({ ...base, rowNumber: "12", duplicateOfId: 40 })).toMatchObject({ rowNumber: "12", duplicateOfId: 40, source: null, sourceConflicts: [], sourceNoteVi: null });
  });
  it("the body and the table disagree: both wordings kept, with the source of the task's own value and a note", () => {
    const t = TaskInputSchema.parse({
      ...base,
      source: "both",
      sourceConflicts: [
        { field: "lead", keptFrom: "body", bodyVi: "Sở Giáo dục và Đào tạo", tableVi: "Sở Nội vụ" },
        { field: "timing", keptFrom: "table", bodyVi: "Năm 2026", tableVi: "Năm 2027" },
      ],
      sourceNoteVi: "Bảng phụ lục ghi khác phần nội dung; giữ theo phần nội dung cho cơ quan chủ trì.",
    });
    expect(t.sourceConflicts.map((c) => [c.field, c.keptFrom])).toEqual([["lead", "body"], ["timing", "table"]]);
  });
  it("refuses a disagreement without source 'both', and the same value recorded twice", () => {
    const conflict = { field: "lead", keptFrom: "body", bodyVi: "A", tableVi: "B" };
    const r = TaskInputSchema.safeParse({ ...base, source: "table", sourceConflicts: [conflict, conflict] });
    expect(r.error!.issues.map((i) => i.path)).toEqual([["source"], ["sourceConflicts", 1, "field"]]);
    expect(taskSourceIssues({ source: "both", sourceConflicts: [conflict as TaskSourceConflict] })).toEqual([]);
    expect(TaskInputSchema.safeParse({ ...base, source: "appendix" }).success).toBe(false);
  });
});
