import { z } from "zod";
import { bi, type DomainIssue } from "./errors.js";
import { CodeSchema, IdSchema, IsoDateSchema, recordFields, YearSchema } from "./primitives.js";

/** When a task is due, as the documents state it. */
export const TaskTimingSchema = z.discriminatedUnion("kind", [
  /** "Năm 2026" */
  z.object({ kind: z.literal("year"), year: YearSchema }),
  /** "Hằng năm", optionally bounded by the plan period. */
  z.object({ kind: z.literal("yearly"), from: YearSchema.nullable().default(null), to: YearSchema.nullable().default(null) }),
  /** "Năm 2026, hàng năm": first in that year, then every year. */
  z.object({ kind: z.literal("yearThenYearly"), year: YearSchema, to: YearSchema.nullable().default(null) }),
  /** "Giai đoạn 2026 – 2030" */
  z.object({ kind: z.literal("yearRange"), from: YearSchema, to: YearSchema }),
  /** "Năm học 2025 – 2026": starts in September of startYear, ends in May of the next. */
  z.object({ kind: z.literal("schoolYear"), startYear: YearSchema }),
  z.object({ kind: z.literal("quarter"), year: YearSchema, quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal("date"), date: IsoDateSchema }),
  /** "Khi Luật được ban hành", "Sau khi được Thủ tướng phê duyệt" */
  z.object({
    kind: z.literal("event"),
    eventVi: z.string().trim().min(1).max(500),
    eventEn: z.string().trim().max(500).nullable().default(null),
    occurredOn: IsoDateSchema.nullable().default(null),
  }),
  /** "Thường xuyên": continuous work throughout the plan period. */
  z.object({ kind: z.literal("continuous"), from: YearSchema.nullable().default(null), to: YearSchema.nullable().default(null) }),
  /** The plan gives no timing for the task (not the same as "thường xuyên"). */
  z.object({ kind: z.literal("notStated") }),
]);
export type TaskTiming = z.infer<typeof TaskTimingSchema>;
export const TASK_TIMING_KINDS = TaskTimingSchema.options.map((o) => o.shape.kind.value);

export const TASK_STATUSES = ["notStarted", "inProgress", "completed", "overdue", "cancelled"] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** Where a task is stated: the plan's body (the "Nhiệm vụ, giải pháp" sections), its task table (the appendix), or both. */
export const TASK_SOURCES = ["body", "table", "both"] as const;
export const TaskSourceSchema = z.enum(TASK_SOURCES);
export type TaskSource = z.infer<typeof TaskSourceSchema>;

/** The values of a task the body and the table may state differently. */
export const TASK_CONFLICT_FIELDS = ["title", "lead", "coordinating", "requested", "timing", "output"] as const;

/**
 * A value the body and the task table disagree on (a different lead, a different deadline): both wordings kept, and
 * which one the task's own field holds.
 */
export const TaskSourceConflictSchema = z.object({
  field: z.enum(TASK_CONFLICT_FIELDS),
  /** The source the task's field was taken from. */
  keptFrom: z.enum(["body", "table"]),
  bodyVi: z.string().trim().min(1).max(2000),
  tableVi: z.string().trim().min(1).max(2000),
});
export type TaskSourceConflict = z.infer<typeof TaskSourceConflictSchema>;

const taskFields = {
  planId: IdSchema,
  solutionGroupId: IdSchema.nullable().default(null),
  code: CodeSchema,
  titleVi: z.string().trim().min(1).max(2000),
  titleEn: z.string().trim().max(2000).nullable().default(null),
  descriptionVi: z.string().trim().max(20_000).nullable().default(null),
  timing: TaskTimingSchema,
  outputVi: z.string().trim().max(2000).nullable().default(null),
  status: TaskStatusSchema.default("notStarted"),
  /** Chủ trì: none when the text names only coordinators; several possible. */
  leadAgencyIds: z.array(IdSchema).default([]),
  /** Phối hợp. */
  coordinatingAgencyIds: z.array(IdSchema).default([]),
  /** Đề nghị: a body that is not subordinate to the issuer (the Fatherland Front), requested to take part. */
  requestedAgencyIds: z.array(IdSchema).default([]),
  leadCollectiveCodes: z.array(CodeSchema).default([]),
  coordinatingCollectiveCodes: z.array(CodeSchema).default([]),
  requestedCollectiveCodes: z.array(CodeSchema).default([]),
  /** The number the document gives the row ("12", "V.3"), kept as written. */
  rowNumber: z.string().trim().min(1).max(40).nullable().default(null),
  /** The earlier row of the same plan this row repeats (a task table listing a row twice): flagged, never merged. */
  duplicateOfId: IdSchema.nullable().default(null),
  source: TaskSourceSchema.nullable().default(null),
  sourceConflicts: z.array(TaskSourceConflictSchema).max(TASK_CONFLICT_FIELDS.length).default([]),
  /** Why the values were kept as they are, or what else the two sources say. */
  sourceNoteVi: z.string().trim().max(2000).nullable().default(null),
};

/** The part an assignee takes in a task: leads (chủ trì), coordinates (phối hợp), or is requested (đề nghị). */
export const ASSIGNEE_ROLES = ["lead", "coordinate", "requested"] as const;
export type AssigneeRole = (typeof ASSIGNEE_ROLES)[number];
/** The fields that hold each role's agencies and collectives. */
export const ASSIGNEE_ROLE_FIELDS = {
  lead: { agencies: "leadAgencyIds", collectives: "leadCollectiveCodes" },
  coordinate: { agencies: "coordinatingAgencyIds", collectives: "coordinatingCollectiveCodes" },
  requested: { agencies: "requestedAgencyIds", collectives: "requestedCollectiveCodes" },
} as const satisfies Record<AssigneeRole, { agencies: string; collectives: string }>;
export type TaskAssignees = { [F in (typeof ASSIGNEE_ROLE_FIELDS)[AssigneeRole]["agencies"]]: number[] } & {
  [F in (typeof ASSIGNEE_ROLE_FIELDS)[AssigneeRole]["collectives"]]: string[];
};

const message = (en: string, vi: string) => ({ en: bi(en, vi), vi });
const NO_ASSIGNEE = message("a task needs at least one assignee: a lead, a coordinating or a requested agency or collective", "Nhiệm vụ cần ít nhất một đơn vị: chủ trì, phối hợp hoặc được đề nghị");
const TWO_ROLES = message("the same agency or collective is named in two roles of this task", "Một cơ quan hoặc nhóm cơ quan được nêu ở hai vai trò của nhiệm vụ này");

/** A task names someone (no lead is fine: "Phối hợp với Sở GD&ĐT…"), and nobody in two roles. */
export function taskAssigneeIssues(t: Partial<TaskAssignees>): DomainIssue[] {
  const issues: DomainIssue[] = [];
  let total = 0;
  const seen = new Set<string>();
  for (const role of ASSIGNEE_ROLES)
    for (const kind of ["agencies", "collectives"] as const) {
      const field = ASSIGNEE_ROLE_FIELDS[role][kind];
      const list = (t[field] ?? []) as (number | string)[];
      total += list.length;
      list.forEach((v, i) => {
        const key = `${kind}:${String(v)}`;
        if (seen.has(key)) issues.push({ path: [field, i], ...TWO_ROLES });
        seen.add(key);
      });
    }
  if (total === 0) issues.unshift({ path: ["leadAgencyIds"], ...NO_ASSIGNEE });
  return issues;
}

const CONFLICT_NEEDS_BOTH = message("a disagreement between the body and the task table needs source 'both'", "Khi phần nội dung và bảng nhiệm vụ khác nhau, nguồn phải là 'cả hai'");
const CONFLICT_TWICE = message("this value's disagreement is already recorded", "Sự khác nhau của giá trị này đã được ghi");

/** Where a task's values came from: a disagreement implies both sources, one entry per value. */
export function taskSourceIssues(t: { source?: TaskSource | null; sourceConflicts?: TaskSourceConflict[] }): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const conflicts = t.sourceConflicts ?? [];
  if (conflicts.length && t.source !== "both") issues.push({ path: ["source"], ...CONFLICT_NEEDS_BOTH });
  const seen = new Set<string>();
  conflicts.forEach((c, i) => {
    if (seen.has(c.field)) issues.push({ path: ["sourceConflicts", i, "field"], ...CONFLICT_TWICE });
    seen.add(c.field);
  });
  return issues;
}

export const TaskInputSchema = z.object(taskFields).superRefine((t, ctx) => {
  for (const issue of [...taskAssigneeIssues(t), ...taskSourceIssues(t)]) ctx.addIssue({ code: "custom", message: issue.en, path: issue.path });
});
export type TaskInput = z.input<typeof TaskInputSchema>;
export const TaskSchema = z.object({ ...recordFields, ...taskFields });
export type Task = z.infer<typeof TaskSchema>;

export type DueInYear = "due" | "notDue" | "awaitingEvent" | "timingNotStated";

/**
 * Whether work on a task falls in a calendar year. Event-triggered tasks are due once the event has happened; a task
 * whose plan states no timing is never counted as due (nor as not due: the answer says so).
 */
export function taskDueInYear(timing: TaskTiming, year: number): DueInYear {
  const within = (from: number | null, to: number | null) => (from === null || year >= from) && (to === null || year <= to);
  switch (timing.kind) {
    case "year":
      return timing.year === year ? "due" : "notDue";
    case "yearly":
    case "continuous":
      return within(timing.from, timing.to) ? "due" : "notDue";
    case "yearThenYearly":
      return within(timing.year, timing.to) ? "due" : "notDue";
    case "yearRange":
      return within(timing.from, timing.to) ? "due" : "notDue";
    case "schoolYear":
      return year === timing.startYear || year === timing.startYear + 1 ? "due" : "notDue";
    case "quarter":
      return timing.year === year ? "due" : "notDue";
    case "date":
      return Number(timing.date.slice(0, 4)) === year ? "due" : "notDue";
    case "event":
      if (timing.occurredOn === null) return "awaitingEvent";
      return Number(timing.occurredOn.slice(0, 4)) <= year ? "due" : "notDue";
    case "notStated":
      return "timingNotStated";
  }
}

/** The tasks with work due in `year` (optionally only those an agency leads, coordinates or is requested in). */
export function tasksDueInYear<T extends Pick<Task, "timing" | "leadAgencyIds" | "coordinatingAgencyIds" | "status"> & { requestedAgencyIds?: number[] }>(
  tasks: T[],
  year: number,
  options: { agencyId?: number; includeCompleted?: boolean } = {},
): T[] {
  return tasks.filter((t) => {
    if (!options.includeCompleted && (t.status === "completed" || t.status === "cancelled")) return false;
    if (options.agencyId !== undefined && ![...t.leadAgencyIds, ...t.coordinatingAgencyIds, ...(t.requestedAgencyIds ?? [])].includes(options.agencyId)) return false;
    return taskDueInYear(t.timing, year) === "due";
  });
}
