import { eq, first, hasSyntheticFiguresAtOrBelow, inArray, schema as s, transaction, type Db } from "@eduplan/db";
import { formatCount, formatExpectation, printableCondition, sectionTitle, TARGET_STATE_LABELS, TARGET_STATES, tasksDueInYear, type TargetState, type TaskStatus, type TaskTiming } from "@eduplan/domain";
import { consolidateIn, type Consolidation, type ConsolidatedTarget, type ReportingUnit } from "./consolidate.js";
import {
  formatDateLine,
  formatTarget,
  formatValue,
  formatVietnameseDate,
  REPORT_STATUS_VI,
  TASK_GROUP_VI,
  taskGroup,
  type TaskProgressGroup,
} from "./format.js";
import { selfAndAncestors, type Executor, type LocalityRow } from "./lookup.js";
import { issuerBlock, recipientsOf, type BodyKind, type IssuerBlock, type SignatureOptions } from "./signature.js";

export type AnnualReportOptions = {
  localityId: number;
  year: number;
  /** ISO date for lateness (defaults to today). */
  today?: string;
  /** The date printed under the motto; blanks ("ngày … tháng … năm N") when omitted, as drafts leave them. */
  reportDate?: string;
  /** The agency issuing the report; by default the locality's education department (or division, or People's Committee). */
  issuingAgencyId?: number;
} & SignatureOptions;

export type TargetTableRow = {
  /** "5", or "5.1" for a target stated inside another. */
  stt: string;
  isSubTarget: boolean;
  indicatorCode: string;
  nameVi: string;
  target: string;
  /** The roadmap figure of the year: a milestone, or "… (ước tính theo lộ trình đều)". */
  milestone: string;
  /** The result, with one number of decimals per column (1 for rates). */
  result: string;
  /** The result as a number in the indicator's unit (a rate in %), and that unit: for the spreadsheet's number cells. */
  resultValue: number | null;
  unit: string;
  /** Σ numerators and denominators behind a rate; units that contributed. */
  numerator: number | null;
  denominator: number | null;
  contributors: number;
  /** The one verdict (`evaluateTargetForYear`), its label and its reason. */
  assessment: TargetState;
  assessmentVi: string;
  reasonVi: string;
};

export type TargetTableSection = { titleVi: string | null; rows: TargetTableRow[] };

export type TaskLine = { code: string; titleVi: string; status: TaskStatus; group: TaskProgressGroup; statusVi: string };

export type TaskGroupByAgency = {
  assigneeVi: string;
  agencyId: number | null;
  collectiveCode: string | null;
  counts: Record<TaskProgressGroup, number>;
  tasks: TaskLine[];
};

export type UnitLine = ReportingUnit & { nameVi: string; statusVi: string; submittedOnVi: string; noteVi: string };

export type AnnualReportModel = {
  consolidation: Consolidation;
  year: number;
  /** The issuing body, its signing authority, signer and drafting unit (Nghị định 30/2020). */
  issuer: IssuerBlock;
  placeVi: string;
  /** "Lạng Sơn, ngày … tháng … năm 2026". */
  placeDateLineVi: string;
  /** ["BÁO CÁO", "Kết quả thực hiện Kế hoạch số 243/KH-UBND … năm 2026"]. */
  titleVi: [string, string];
  introVi: string;
  /** The column header "Mục tiêu đến năm 2030" (the plan's end year). */
  targetYear: number;
  targetSections: TargetTableSection[];
  targetCounts: Record<TargetState, number> & { total: number };
  taskGroups: TaskGroupByAgency[];
  taskTotals: Record<TaskProgressGroup, number> & { total: number };
  units: UnitLine[];
  recipientsVi: string[];
  /** Some figures are synthetic sample data ("dữ liệu mẫu"). */
  hasSyntheticData: boolean;
};

const LEVEL_PREFIX = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/i;

/** "Tỉnh Lạng Sơn" → "Lạng Sơn". */
export function placeName(nameVi: string): string {
  return nameVi.replace(LEVEL_PREFIX, "").trim();
}

const BODY_KINDS: Record<string, BodyKind> = { educationDept: "educationDept", educationDivision: "educationDivision", peoplesCommittee: "peoplesCommittee" };

/** The issuing body: the agency asked for, else the kind asked for (Sở or UBND), else the education department. */
async function issuerOf(db: Executor, locality: LocalityRow, options: AnnualReportOptions): Promise<IssuerBlock> {
  const agencies = await db.select().from(s.agencies).where(eq(s.agencies.localityId, locality.id));
  const byKind = (...kinds: string[]) => kinds.map((k) => agencies.find((a) => a.kind === k)).find(Boolean);
  const chosen =
    (options.issuingAgencyId !== undefined ? await first(db.select().from(s.agencies).where(eq(s.agencies.id, options.issuingAgencyId))) : undefined) ??
    (options.issuer === "peoplesCommittee" ? byKind("peoplesCommittee") : byKind("educationDept", "educationDivision", ...(options.issuer ? [] : ["peoplesCommittee"])));
  const kind: BodyKind = chosen ? (BODY_KINDS[chosen.kind] ?? "educationDept") : options.issuer === "educationDept" ? (/^(tỉnh|thành phố)\s/iu.test(locality.nameVi) ? "educationDept" : "educationDivision") : "peoplesCommittee";
  return issuerBlock(locality.nameVi, { kind, nameVi: chosen?.nameVi ?? null }, options);
}

function planReference(c: Consolidation): string {
  const p = c.plan;
  if (!p) return "Chiến lược phát triển giáo dục đến năm 2030, tầm nhìn đến năm 2045";
  if (p.number) {
    const date = p.issuedOn ? ` ngày ${formatVietnameseDate(p.issuedOn)}` : "";
    const by = p.issuingBodyVi ? ` của ${p.issuingBodyVi}` : "";
    return `Kế hoạch số ${p.number}${date}${by}`;
  }
  const at = p.titleVi.indexOf("Kế hoạch");
  return at >= 0 ? p.titleVi.slice(at) : p.titleVi;
}

/** The verdict printed for a target: the one evaluation of the dashboard and the consolidation. */
export function assessTarget(t: ConsolidatedTarget): TargetState {
  return t.evaluation.state;
}

/** Decimals printed in the figure columns: one for rates and per-10 000 figures, none for counts. */
export function printDecimals(unit: string): number {
  return unit === "percent" || unit === "per10kInhabitants" || unit === "ratio" ? 1 : 0;
}

/** "2 chỉ tiêu đạt, 41 chỉ tiêu đúng tiến độ, 8 chỉ tiêu có nguy cơ không đạt, 0 chỉ tiêu không đạt, 3 chỉ tiêu chưa có số liệu". */
export function targetCountsSentence(counts: Record<TargetState, number>): string {
  return TARGET_STATES.map((state) => `${formatCount(counts[state])} chỉ tiêu ${TARGET_STATE_LABELS[state].vi.toLowerCase()}`).join(", ");
}

/** An indicator's name as printed: the name, then the target's real conditions (never the modellers' notes). */
export function printedName(t: ConsolidatedTarget): string {
  const condition = printableCondition(t.target.conditionVi);
  const area = t.target.areaFlag === "isExtremelyDifficultArea" && !/đặc biệt khó khăn/iu.test(condition ?? "") ? "vùng đặc biệt khó khăn" : null;
  const qualifiers = [area, condition].filter(Boolean);
  return qualifiers.length ? `${t.indicator.nameVi} (${qualifiers.join("; ")})` : t.indicator.nameVi;
}

function targetSections(c: Consolidation): TargetTableSection[] {
  const order: (string | null)[] = [];
  const bySection = new Map<string | null, ConsolidatedTarget[]>();
  const sectionOf = new Map<number, string | null>();
  for (const t of c.targets) {
    // A sub-target stays with its parent.
    const section = t.parentTargetId !== null && sectionOf.has(t.parentTargetId) ? sectionOf.get(t.parentTargetId)! : t.section;
    sectionOf.set(t.targetId, section);
    if (!bySection.has(section)) {
      order.push(section);
      bySection.set(section, []);
    }
    bySection.get(section)!.push(t);
  }
  let n = 0;
  const sttOf = new Map<number, string>();
  const childCount = new Map<number, number>();
  return order.map((section) => ({
    titleVi: sectionTitle(section),
    rows: bySection.get(section)!.map((t) => {
      const parentStt = t.parentTargetId !== null ? sttOf.get(t.parentTargetId) : undefined;
      let stt: string;
      if (parentStt !== undefined) {
        const k = (childCount.get(t.parentTargetId!) ?? 0) + 1;
        childCount.set(t.parentTargetId!, k);
        stt = `${parentStt}.${k}`;
      } else stt = String(++n);
      sttOf.set(t.targetId, stt);
      const unit = t.indicator.unit;
      const decimals = { maxDecimals: printDecimals(unit), minDecimals: printDecimals(unit) };
      let target = formatTarget(t.target, unit);
      if (t.target.targetYear !== null && t.target.targetYear !== (c.plan?.periodEnd ?? 2030)) target += ` (năm ${t.target.targetYear})`;
      const assessment = assessTarget(t);
      return {
        stt,
        isSubTarget: parentStt !== undefined,
        indicatorCode: t.indicator.code,
        nameVi: printedName(t),
        target,
        milestone: formatExpectation(t.evaluation.expected, unit, "vi", decimals),
        result: formatValue(t.actual.value, unit, "vi", decimals),
        resultValue: t.actual.value,
        unit,
        numerator: t.actual.numerator,
        denominator: t.actual.denominator,
        contributors: t.actual.contributors,
        assessment,
        assessmentVi: t.evaluation.label.vi,
        reasonVi: t.evaluation.reason.vi,
      };
    }),
  }));
}

const TASK_STATUS_VI: Record<TaskStatus, string> = {
  notStarted: "Chưa thực hiện",
  inProgress: "Đang thực hiện",
  overdue: "Chậm tiến độ",
  completed: "Hoàn thành",
  cancelled: "Đã hủy",
};

async function taskGroups(db: Executor, planId: number | null, year: number): Promise<TaskGroupByAgency[]> {
  if (planId === null) return [];
  const rows = await db.select().from(s.tasks).where(eq(s.tasks.planId, planId)).orderBy(s.tasks.id);
  const assignees = rows.length
    ? await db.select().from(s.taskAssignees).where(inArray(s.taskAssignees.taskId, rows.map((r) => r.id))).orderBy(s.taskAssignees.position)
    : [];
  const tasks = rows.map((r) => {
    const mine = assignees.filter((a) => a.taskId === r.id);
    return {
      ...r,
      timing: r.timing as TaskTiming,
      status: r.status as TaskStatus,
      leads: mine.filter((a) => a.role === "lead"),
      leadAgencyIds: mine.filter((a) => a.role === "lead" && a.agencyId !== null).map((a) => a.agencyId!),
      coordinatingAgencyIds: mine.filter((a) => a.role === "coordinate" && a.agencyId !== null).map((a) => a.agencyId!),
    };
  });
  const due = tasksDueInYear(tasks, year, { includeCompleted: true }).filter((t) => t.status !== "cancelled");
  const agencyIds = [...new Set(due.flatMap((t) => t.leadAgencyIds))];
  const agencyNames = new Map(agencyIds.length ? (await db.select().from(s.agencies).where(inArray(s.agencies.id, agencyIds))).map((a) => [a.id, a.nameVi]) : []);
  const collectiveNames = new Map((await db.select().from(s.collectiveAssignees)).map((c) => [c.code, c.nameVi]));
  const groups = new Map<string, TaskGroupByAgency>();
  for (const t of due) {
    const leads = t.leads.length ? t.leads : [{ agencyId: null, collectiveCode: null }];
    for (const lead of leads) {
      const key = lead.agencyId !== null ? `a${lead.agencyId}` : lead.collectiveCode ? `c${lead.collectiveCode}` : "none";
      let g = groups.get(key);
      if (!g) {
        g = {
          assigneeVi:
            lead.agencyId !== null
              ? (agencyNames.get(lead.agencyId) ?? `Cơ quan #${lead.agencyId}`)
              : lead.collectiveCode
                ? (collectiveNames.get(lead.collectiveCode) ?? lead.collectiveCode)
                : "Chưa giao cơ quan chủ trì",
          agencyId: lead.agencyId,
          collectiveCode: lead.collectiveCode,
          counts: { completed: 0, inProgress: 0, notStarted: 0 },
          tasks: [],
        };
        groups.set(key, g);
      }
      const group = taskGroup(t.status);
      g.counts[group]++;
      g.tasks.push({ code: t.code, titleVi: t.titleVi, status: t.status, group, statusVi: TASK_STATUS_VI[t.status] ?? TASK_GROUP_VI[group] });
    }
  }
  // Agencies first, in order of their first task; collectives after.
  return [...groups.values()].sort((a, b) => Number(a.agencyId === null) - Number(b.agencyId === null));
}

function unitLines(units: ReportingUnit[]): UnitLine[] {
  return units.map((u) => {
    const notes: string[] = [];
    if (u.late) notes.push(u.submittedAt ? "Nộp muộn" : "Quá hạn, chưa gửi");
    if (u.status === "returned" && u.returnReason) notes.push(`Lý do trả lại: ${u.returnReason}`);
    return {
      ...u,
      nameVi: u.agencyNameVi ?? u.localityNameVi,
      statusVi: REPORT_STATUS_VI[u.status],
      submittedOnVi: formatVietnameseDate(u.submittedAt),
      noteVi: notes.join("; "),
    };
  });
}

async function provinceOf(db: Executor, locality: LocalityRow): Promise<LocalityRow | null> {
  for (const id of await selfAndAncestors(db, locality.id)) {
    const l = await first(db.select().from(s.localities).where(eq(s.localities.id, id)));
    if (l?.levelCode === "province" && l.id !== locality.id) return l;
  }
  return null;
}

/** The annual report's model inside a caller's transaction or read. */
export async function annualReportModelIn(db: Executor, options: AnnualReportOptions): Promise<AnnualReportModel> {
  const c = await consolidateIn(db, options);
  const locality = (await first(db.select().from(s.localities).where(eq(s.localities.id, c.locality.id))))!;
  const issuer = await issuerOf(db, locality, options);
  const sections = targetSections(c);
  const allRows = sections.flatMap((x) => x.rows);
  const targetCounts = { total: allRows.length, achieved: 0, onTrack: 0, atRisk: 0, notAchieved: 0, noData: 0 };
  for (const r of allRows) targetCounts[r.assessment]++;
  const groups = await taskGroups(db, c.plan?.id ?? null, c.year);
  // Totals count each task once, even when it has several leads.
  const taskTotals = { total: 0, completed: 0, inProgress: 0, notStarted: 0 };
  const counted = new Set<string>();
  for (const g of groups)
    for (const t of g.tasks)
      if (!counted.has(t.code)) {
        counted.add(t.code);
        taskTotals.total++;
        taskTotals[t.group]++;
      }
  const place = placeName(locality.nameVi);
  const reference = planReference(c);
  const hasSyntheticData = await hasSyntheticFiguresAtOrBelow(db, locality.id, c.year);
  const province = await provinceOf(db, locality);
  return {
    consolidation: c,
    year: c.year,
    issuer,
    placeVi: place,
    placeDateLineVi: `${place}, ${formatDateLine(options.reportDate, c.year)}`,
    titleVi: ["BÁO CÁO", `Kết quả thực hiện ${reference} năm ${c.year}`],
    introVi: `Thực hiện ${reference}, ${issuer.nameVi} báo cáo kết quả thực hiện năm ${c.year} như sau:`,
    targetYear: c.plan?.periodEnd ?? 2030,
    targetSections: sections,
    targetCounts,
    taskGroups: groups,
    taskTotals,
    units: unitLines(c.units),
    recipientsVi: recipientsOf(issuer, locality.nameVi, province?.nameVi ?? null),
    hasSyntheticData,
  };
}

/** Everything the printable annual report shows, as data (the DOCX and XLSX builders lay it out). */
export async function annualReportModel(db: Db, options: AnnualReportOptions): Promise<AnnualReportModel> {
  return transaction(db, (tx) => annualReportModelIn(tx, options), { behavior: "deferred" });
}
