import {
  ASSIGNEE_ROLE_FIELDS,
  ASSIGNEE_ROLES,
  DEFAULT_COLLECTIVE_ASSIGNEES,
  fieldErrorsFromIssues,
  taskAssigneeIssues,
  taskSourceIssues,
  type AssigneeRole,
  repeatedAssigneeNames,
  targetIndicatorIssues,
  targetShapeIssues,
  type IndicatorUnit,
} from "@eduplan/domain";
import { EDUCATION_LEVELS, LOCALITY_LEVELS, NATIONAL, NATIONAL_TARGETS, REFERENCE_INDICATORS } from "@eduplan/catalog";
import {
  CrudRepository,
  PreparedInput,
  RESOURCES,
  collectiveAssignees,
  SYSTEM_ACTOR,
  schema as s,
  type Principal,
  type Db,
  type ResourceDefinition,
  type Row,
  type Tx,
  and,
  eq,
  first,
  inArray,
  prepareRecordInput,
  transaction,
} from "@eduplan/db";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { ConfigInvalidError, type ConfigError, type ParsedConfig } from "./parse.js";
import { suggestion } from "./suggest.js";
import type { PlanEntry, TargetEntry } from "./schema.js";

/** The yearly reporting deadline of a province whose file names none: 10 December. */
export const DEFAULT_REPORT_DEADLINE = "12-10";

export type ApplySummary = { created: number; updated: number; unchanged: number; byResource: Record<string, { created: number; updated: number }> };

type Outcome = "created" | "updated" | "unchanged";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Ends a dry run's transaction (rolled back) with what a real run would have done. */
class DryRunDone extends Error {
  constructor(readonly summary: ApplySummary) {
    super("dry run");
  }
}

/** An error of the guarded write path, located at the file's own path (never a database column). */
class WritePathError extends Error {
  constructor(readonly located: { path: string; message: { vi: string; en: string } }[]) {
    super(located.map((l) => `${l.path}: ${l.message.en}`).join("; "));
  }
}

/** A record's field as the province file names it, by resource (`leadAgencyIds` is the task's `lead`). */
const FILE_KEYS: Record<string, Record<string, string>> = {
  localities: { levelCode: "level", parentId: "parent", successorId: "successor" },
  agencies: { localityId: "locality", parentId: "parent" },
  collectiveAssignees: { localityId: "locality", memberAgencyIds: "members" },
  users: { localityId: "locality" },
  indicators: { educationLevelCode: "educationLevel" },
  plans: { localityId: "locality", issuingAgencyId: "issuingAgency", parentPlanId: "parentPlan" },
  documentRelations: { toPlanId: "plan", citedKind: "cited.kind", citedNumber: "cited.number", citedIssuedOn: "cited.issuedOn", citedIssuerVi: "cited.issuerVi", citedTitleVi: "cited.titleVi" },
  agencyDuties: { agencyId: "agency", collectiveCode: "collective" },
  reportingObligations: { reporterAgencyId: "reporter", reporterCollectiveCode: "reporterCollective", recipientAgencyId: "recipient" },
  targets: {
    indicatorId: "indicator",
    breakdownEducationLevelCode: "educationLevel",
    pooledEducationLevelCodes: "educationLevels",
    countedEntity: "counting.entity",
    countingCriterionVi: "counting.criterionVi",
    countingOutOfVi: "counting.outOfVi",
    countedNumerator: "counting.count",
    countedDenominator: "counting.outOf",
    countedGroupRelation: "counting.groupRelation",
    isApproximate: "approximate",
    approximateTolerance: "tolerance",
    referencePlanId: "reference.plan",
    referenceCitedVi: "reference.citedVi",
    baselineValue: "baseline.value",
    baselineYear: "baseline.year",
  },
  tasks: {
    solutionGroupId: "solutionGroup",
    leadAgencyIds: "lead",
    leadCollectiveCodes: "lead",
    coordinatingAgencyIds: "coordinating",
    coordinatingCollectiveCodes: "coordinating",
    requestedAgencyIds: "requested",
    requestedCollectiveCodes: "requested",
    rowNumber: "number",
    duplicateOfId: "duplicateOf",
  },
};
function fileKeyOf(resource: string, at: string, field: string): string {
  const [head, ...rest] = field.split(".");
  const key = [FILE_KEYS[resource]?.[head!] ?? head, ...rest].join(".");
  return at ? `${at}.${key}` : key;
}

/** Creates or updates a record by its natural key, touching nothing when it is already as desired. */
class Writer {
  readonly summary: ApplySummary = { created: 0, updated: 0, unchanged: 0, byResource: {} };
  private repos = new Map<string, CrudRepository>();
  /** Where in the file the record being written is stated (`plans.0.tasks.3`), to locate an error of the write path. */
  at = "";
  constructor(
    readonly db: Db,
    readonly tx: Tx,
    readonly actor: Principal,
  ) {}

  repo(def: ResourceDefinition): CrudRepository {
    let r = this.repos.get(def.name);
    if (!r) this.repos.set(def.name, (r = new CrudRepository(this.db, def)));
    return r;
  }

  private count(name: string, outcome: Outcome) {
    this.summary[outcome]++;
    if (outcome === "unchanged") return;
    const entry = (this.summary.byResource[name] ??= { created: 0, updated: 0 });
    entry[outcome]++;
  }

  /**
   * Create the record, or update the fields the file mentions. A field left `undefined` is one the file does not
   * mention: a new record takes its default (or `onCreate`'s), an existing one keeps its value — a minimal
   * `province:` section never resets the official code, the English name or the area flags. `prepared`: what the
   * resource's slow preparation made of the new record's input before the transaction (a user's password hashed).
   */
  async upsert(
    def: ResourceDefinition,
    existingId: number | undefined,
    desired: Record<string, unknown>,
    onCreate: Record<string, unknown> = {},
    prepared: Readonly<Record<string, unknown>> = {},
  ): Promise<Row> {
    try {
      return await this.write(def, existingId, desired, onCreate, prepared);
    } catch (e) {
      const fieldErrors = (e as { fieldErrors?: { path: string; message: { vi: string; en: string } }[] }).fieldErrors;
      if (!(e instanceof Error) || !("reason" in e) || !fieldErrors) throw e;
      const messages = (e as unknown as { messages: { vi: string; en: string } }).messages;
      const located = fieldErrors.length ? fieldErrors.map((f) => ({ path: fileKeyOf(def.name, this.at, f.path), message: f.message })) : [{ path: this.at, message: messages }];
      throw new WritePathError(located);
    }
  }

  private async write(
    def: ResourceDefinition,
    existingId: number | undefined,
    desired: Record<string, unknown>,
    onCreate: Record<string, unknown>,
    prepared: Readonly<Record<string, unknown>>,
  ): Promise<Row> {
    const repo = this.repo(def);
    // A resource with a slow preparation takes its input prepared (before the transaction: `prepared`).
    const ready = (input: Record<string, unknown>, made: Readonly<Record<string, unknown>>) => (def.prepareInput ? new PreparedInput(input, made) : input);
    const mentioned = Object.fromEntries(Object.entries(desired).filter(([, v]) => v !== undefined));
    if (existingId === undefined) {
      const row = await repo.createInTx(this.tx, ready({ ...onCreate, ...mentioned }, prepared), this.actor);
      this.count(def.name, "created");
      return row;
    }
    const existing = (await repo.readInTx(this.tx, existingId))!;
    const stored = Object.fromEntries(Object.entries(existing).filter(([k]) => !["id", "version", "createdAt", "updatedAt"].includes(k)));
    const normalised = (def.updateSchema ?? def.inputSchema).parse({ ...stored, ...mentioned }) as Record<string, unknown>;
    const patch = Object.fromEntries(Object.entries(normalised).filter(([k, v]) => k in mentioned && k !== "password" && !same(existing[k], v)));
    if (Object.keys(patch).length === 0) {
      this.count(def.name, "unchanged");
      return existing;
    }
    const row = await repo.updateInTx(this.tx, existingId, ready(patch, {}), existing.version, this.actor);
    this.count(def.name, "updated");
    return row;
  }

  /** Keep a plan's list (funding sources, duties …) equal to the desired one, pairing by position. */
  async syncList(def: ResourceDefinition, existing: Row[], desired: Record<string, unknown>[], at = ""): Promise<void> {
    for (const [i, d] of desired.entries()) {
      this.at = `${at}.${i}`;
      await this.upsert(def, existing[i]?.id, d);
    }
    for (const extra of existing.slice(desired.length)) {
      await this.repo(def).deleteInTx(this.tx, extra.id, extra.version, this.actor);
      this.count(def.name, "updated");
    }
  }
}

const idByCode = async (tx: Tx, table: typeof s.localities | typeof s.agencies | typeof s.plans | typeof s.indicators, codes: string[]) => {
  const map = new Map<string, number>();
  if (!codes.length) return map;
  for (const r of await tx.select({ id: table.id, code: table.code }).from(table).where(inArray(table.code, codes))) map.set(r.code, r.id);
  return map;
};

/** `items.map(f)` for an asynchronous `f`, one after the other (the queries of one transaction run in order). */
async function mapInOrder<T, U>(items: readonly T[], f: (item: T) => Promise<U>): Promise<U[]> {
  const out: U[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}

/** Load the reference data every installation has: levels, collective assignees, the nation, the core indicators. */
export async function ensureReferenceData(db: Db, actor: Principal = SYSTEM_ACTOR): Promise<ApplySummary> {
  return transaction(db, async (tx) => {
    const w = new Writer(db, tx, actor);
    for (const level of LOCALITY_LEVELS)
      await tx.insert(s.localityLevels).values(level).onConflictDoUpdate({ target: s.localityLevels.code, set: level });
    for (const level of EDUCATION_LEVELS)
      await tx.insert(s.educationLevels).values(level).onConflictDoUpdate({ target: s.educationLevels.code, set: level });
    const builtIns = new Map((await tx.select({ id: s.collectiveAssignees.id, code: s.collectiveAssignees.code }).from(s.collectiveAssignees)).map((c) => [c.code, c.id]));
    for (const c of DEFAULT_COLLECTIVE_ASSIGNEES) await w.upsert(collectiveAssignees, builtIns.get(c.code), c);
    const nationId = (await idByCode(tx, s.localities, [NATIONAL.nation.code])).get(NATIONAL.nation.code);
    const nation = await w.upsert(RESOURCES.localities, nationId, { ...NATIONAL.nation, parentId: null });
    const agencyIds = await idByCode(tx, s.agencies, NATIONAL.agencies.map((a) => a.code));
    const agencyId = new Map<string, number>();
    for (const a of NATIONAL.agencies) agencyId.set(a.code, (await w.upsert(RESOURCES.agencies, agencyIds.get(a.code), { ...a, localityId: nation.id })).id);
    const planIds = await idByCode(tx, s.plans, NATIONAL.plans.map((p) => p.code));
    for (const { issuingAgency, ...p } of NATIONAL.plans)
      await w.upsert(RESOURCES.plans, planIds.get(p.code), { ...p, localityId: nation.id, issuingAgencyId: agencyId.get(issuingAgency) ?? null });
    const indicatorIds = await idByCode(tx, s.indicators, REFERENCE_INDICATORS.map((i) => i.code));
    for (const indicator of REFERENCE_INDICATORS) indicatorIds.set(indicator.code, (await w.upsert(RESOURCES.indicators, indicatorIds.get(indicator.code), indicator)).id);
    // The national strategy's own 2030 targets (as the press reported them), so a province's cascade compares with them.
    const nationalPlanId = (await idByCode(tx, s.plans, [NATIONAL_TARGETS.plan])).get(NATIONAL_TARGETS.plan)!;
    const nationalTargets = new Map((await tx.select({ id: s.targets.id, code: s.targets.code }).from(s.targets).where(eq(s.targets.planId, nationalPlanId))).map((t) => [t.code, t.id]));
    for (const t of NATIONAL_TARGETS.targets)
      await w.upsert(RESOURCES.targets, nationalTargets.get(t.code), {
        planId: nationalPlanId,
        indicatorId: indicatorIds.get(t.indicator)!,
        code: t.code,
        comparator: t.comparator,
        value: t.value,
        targetYear: t.targetYear,
        isAspirational: t.isAspirational,
        conditionVi: t.conditionVi ?? null,
        phraseVi: t.phraseVi,
        section: t.section,
      });
    return w.summary;
  });
}

function flattenTargets(targets: TargetEntry[], basePath: string): { entry: TargetEntry; path: string; parentPath: string | null }[] {
  const out: { entry: TargetEntry; path: string; parentPath: string | null }[] = [];
  const walk = (list: TargetEntry[], path: string, parentPath: string | null) =>
    list.forEach((entry, i) => {
      const p = `${path}.${i}`;
      out.push({ entry, path: p, parentPath });
      if (entry.subTargets) walk(entry.subTargets, `${p}.subTargets`, p);
    });
  walk(targets, basePath, null);
  return out;
}

/** A target's stable code: given, or its indicator code with a counter for repeats. */
function targetCodes(flat: { entry: TargetEntry; path: string }[]): Map<string, string> {
  const used = new Map<string, number>();
  const codes = new Map<string, string>();
  for (const { entry } of flat) if (entry.code) used.set(entry.code, 1);
  for (const { entry, path } of flat) {
    if (entry.code) {
      codes.set(path, entry.code);
      continue;
    }
    let code = entry.indicator;
    for (let n = 2; used.has(code); n++) code = `${entry.indicator}-${n}`;
    used.set(code, 1);
    codes.set(path, code);
  }
  return codes;
}

/** The province file's key for a target field the domain names (its rules speak of fields, the file of its own keys). */
const TARGET_FILE_KEYS: Record<string, string> = {
  breakdownEducationLevelCode: "educationLevel",
  pooledEducationLevelCodes: "educationLevels",
  countedEntity: "counting.entity",
  countedNumerator: "counting.count",
  countedDenominator: "counting.outOf",
  isApproximate: "approximate",
  approximateTolerance: "tolerance",
  baselineYear: "baseline.year",
  baselineValue: "baseline.value",
};
const fileKeyOfTargetField = (path: string) => {
  const [head, ...rest] = path.split(".");
  return [TARGET_FILE_KEYS[head!] ?? head, ...rest].join(".");
};

const storedTask = async (tx: Tx, planCode: string, taskCode: string) =>
  !!(await first(tx.select({ id: s.tasks.id }).from(s.tasks).innerJoin(s.plans, eq(s.plans.id, s.tasks.planId)).where(and(eq(s.plans.code, planCode), eq(s.tasks.code, taskCode)))));

/** The province file's key for each assignee role. */
const FILE_KEY_OF_ROLE = { lead: "lead", coordinate: "coordinating", requested: "requested" } as const satisfies Record<AssigneeRole, string>;
const TASK_ROLE_KEYS = ASSIGNEE_ROLES.map((r) => FILE_KEY_OF_ROLE[r]);

function parentsFirst<T>(items: T[], key: (t: T) => string, parent: (t: T) => string | undefined | (string | undefined)[]): T[] {
  const byKey = new Map(items.map((i) => [key(i), i]));
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (item: T, stack: Set<string>) => {
    const k = key(item);
    if (seen.has(k) || stack.has(k)) return;
    stack.add(k);
    const ps = parent(item);
    for (const p of Array.isArray(ps) ? ps : [ps]) if (p && byKey.has(p)) visit(byKey.get(p)!, stack);
    seen.add(k);
    out.push(item);
  };
  for (const item of items) visit(item, new Set());
  return out;
}

/**
 * The collective codes a province's plans may name: the built-ins, those declared before by the province or one of the
 * file's localities, and those the file declares.
 */
async function availableCollectives(tx: Tx, config: ParsedConfig["config"]): Promise<{ all: Set<string>; fromDb: Set<string> }> {
  const localityCodes = new Set([config.province.code, ...config.localities.map((l) => l.code)]);
  const rows = await tx
    .select({ code: s.collectiveAssignees.code, localityCode: s.localities.code })
    .from(s.collectiveAssignees)
    .leftJoin(s.localities, eq(s.localities.id, s.collectiveAssignees.localityId));
  const fromDb = new Set(rows.filter((r) => r.localityCode === null || localityCodes.has(r.localityCode)).map((r) => r.code));
  return { all: new Set([...fromDb, ...config.collectives.map((c) => c.code)]), fromDb };
}

/**
 * Validate a parsed province file against the database (every code resolves, every figure fits its indicator)
 * and return all errors, located by path and line. Writes nothing.
 */
export async function validateProvinceConfig(db: Db, parsed: ParsedConfig): Promise<ConfigError[]> {
  const { config, lineOf } = parsed;
  const errors: ConfigError[] = [];
  const err = (path: string, en: string, vi: string) => errors.push({ path, line: lineOf(path), message: { en, vi } });
  const tx = db as unknown as Tx;

  const localityCodes = new Set([config.province.code, ...config.localities.map((l) => l.code)]);
  const dbLocalities = await idByCode(tx, s.localities, [config.province.parent, ...config.localities.map((l) => l.parent)]);
  const levels = new Set([...(await tx.select({ code: s.localityLevels.code }).from(s.localityLevels)).map((l) => l.code), ...config.localityLevels.map((l) => l.code)]);
  const knownLocality = (code: string) => localityCodes.has(code) || dbLocalities.has(code);
  if (!dbLocalities.has(config.province.parent))
    err("province.parent", `unknown parent locality '${config.province.parent}' (run migrate first)`, `Không có địa bàn cha '${config.province.parent}'`);
  const seenLocalities = new Set<string>();
  config.localities.forEach((l, i) => {
    if (seenLocalities.has(l.code)) err(`localities.${i}.code`, `duplicate locality code '${l.code}'`, `Mã địa bàn '${l.code}' bị trùng`);
    seenLocalities.add(l.code);
    if (!levels.has(l.level)) err(`localities.${i}.level`, `unknown locality level '${l.level}'`, `Cấp địa bàn '${l.level}' không tồn tại`);
    if (!knownLocality(l.parent))
      err(`localities.${i}.parent`, `parent locality '${l.parent}' is neither in this file nor in the database`, `Địa bàn cha '${l.parent}' không có trong tệp và cơ sở dữ liệu`);
    if (l.parent === l.code) err(`localities.${i}.parent`, "a locality cannot be its own parent", "Địa bàn không thể là cha của chính nó");
    if (l.successor && !knownLocality(l.successor)) err(`localities.${i}.successor`, `unknown successor '${l.successor}'`, `Không có địa bàn kế thừa '${l.successor}'`);
  });

  const agencyCodes = new Set(config.agencies.map((a) => a.code));
  const dbAgencies = await idByCode(tx, s.agencies, [
    ...config.agencies.flatMap((a) => [a.parent, ...(a.predecessors ?? []).map((p) => p.agency)]),
    ...config.collectives.flatMap((c) => c.members ?? []),
    ...config.plans.flatMap((p) => [
      p.issuingAgency,
      ...(p.tasks ?? []).flatMap((t) => [...(t.lead ?? []), ...(t.coordinating ?? []), ...(t.requested ?? [])]),
      ...(p.agencyDuties ?? []).map((d) => d.agency),
      ...(p.reportingObligations ?? []).flatMap((o) => [o.reporter, o.recipient, o.via, ...(o.recipients ?? [])]),
    ]),
  ].filter((c): c is string => !!c));
  const knownAgency = (code: string) => agencyCodes.has(code) || dbAgencies.has(code);
  const collectives = await availableCollectives(tx, config);
  const dbCollectives = new Map((await tx.select({ code: s.collectiveAssignees.code, localityId: s.collectiveAssignees.localityId }).from(s.collectiveAssignees)).map((c) => [c.code, c.localityId]));
  const seenCollectives = new Set<string>();
  config.collectives.forEach((c, i) => {
    const at = `collectives.${i}`;
    if (seenCollectives.has(c.code)) err(`${at}.code`, `duplicate collective code '${c.code}'`, `Mã nhóm cơ quan '${c.code}' bị trùng`);
    seenCollectives.add(c.code);
    if (dbCollectives.has(c.code) && (dbCollectives.get(c.code) === null || !collectives.fromDb.has(c.code)))
      err(`${at}.code`, `the code '${c.code}' is already used by a built-in collective or another province's`, `Mã '${c.code}' đã được dùng cho nhóm cơ quan dùng chung hoặc của tỉnh khác`);
    if (c.locality && !knownLocality(c.locality)) err(`${at}.locality`, `unknown locality '${c.locality}'`, `Không có địa bàn '${c.locality}'`);
    (c.members ?? []).forEach((m, j) => {
      if (!knownAgency(m)) err(`${at}.members.${j}`, `unknown agency '${m}'`, `Không có cơ quan '${m}'`);
    });
    for (const name of repeatedAssigneeNames([c.nameVi, ...(c.aliases ?? [])])) err(`${at}.aliases`, `'${name}' repeats a name of this collective`, `'${name}' trùng với một tên khác của nhóm cơ quan này`);
  });
  config.agencies.forEach((a, i) => {
    if (!knownLocality(a.locality)) err(`agencies.${i}.locality`, `unknown locality '${a.locality}'`, `Không có địa bàn '${a.locality}'`);
    if (a.parent && !knownAgency(a.parent)) err(`agencies.${i}.parent`, `unknown parent agency '${a.parent}'`, `Không có cơ quan cấp trên '${a.parent}'`);
    (a.predecessors ?? []).forEach((p, j) => {
      if (!knownAgency(p.agency)) err(`agencies.${i}.predecessors.${j}.agency`, `unknown agency '${p.agency}'`, `Không có cơ quan '${p.agency}'`);
    });
  });
  config.users.forEach((u, i) => {
    if (u.role !== "system_admin" && !u.locality) err(`users.${i}.locality`, "every role but system_admin needs a locality", "Vai trò này cần gắn với một địa bàn");
    if (u.locality && !knownLocality(u.locality)) err(`users.${i}.locality`, `unknown locality '${u.locality}'`, `Không có địa bàn '${u.locality}'`);
  });

  const fileIndicators = new Map(config.indicators.map((i) => [i.code, i]));
  const indicatorCodes = config.plans.flatMap((p) => flattenTargets(p.targets ?? [], "").map((t) => t.entry.indicator));
  const dbIndicators = new Map(
    indicatorCodes.length
      ? (await tx.select().from(s.indicators).where(inArray(s.indicators.code, indicatorCodes))).map((i) => [i.code, i] as const)
      : [],
  );
  const educationLevels = new Set((await tx.select({ code: s.educationLevels.code }).from(s.educationLevels)).map((l) => l.code));
  config.indicators.forEach((ind, i) => {
    if (!educationLevels.has(ind.educationLevel)) err(`indicators.${i}.educationLevel`, `unknown level of education '${ind.educationLevel}'`, `Cấp học '${ind.educationLevel}' không tồn tại`);
  });

  const planCodes = new Set(config.plans.map((p) => p.code));
  const dbPlans = await idByCode(
    tx,
    s.plans,
    config.plans.flatMap((p) => [p.parentPlan, ...(p.relations ?? []).map((r) => r.plan), ...flattenTargets(p.targets ?? [], "").map((t) => t.entry.reference?.plan)]).filter((c): c is string => !!c),
  );
  const knownPlan = (code: string) => planCodes.has(code) || dbPlans.has(code);
  for (const [pi, plan] of config.plans.entries()) {
    const at = `plans.${pi}`;
    if (!knownLocality(plan.locality)) err(`${at}.locality`, `unknown locality '${plan.locality}'`, `Không có địa bàn '${plan.locality}'`);
    if (plan.issuingAgency && !knownAgency(plan.issuingAgency)) err(`${at}.issuingAgency`, `unknown agency '${plan.issuingAgency}'`, `Không có cơ quan '${plan.issuingAgency}'`);
    if (plan.parentPlan && !knownPlan(plan.parentPlan)) err(`${at}.parentPlan`, `unknown plan '${plan.parentPlan}'`, `Không có kế hoạch '${plan.parentPlan}'`);
    (plan.relations ?? []).forEach((r, i) => {
      if (r.plan && !knownPlan(r.plan)) err(`${at}.relations.${i}.plan`, `unknown plan '${r.plan}'`, `Không có kế hoạch '${r.plan}'`);
      if (!r.plan && !r.cited) err(`${at}.relations.${i}`, "a relation needs `plan` or `cited`", "Quan hệ văn bản cần `plan` hoặc `cited`");
    });
    const groups = new Set((plan.solutionGroups ?? []).map((g) => g.code));
    (plan.agencyDuties ?? []).forEach((d, i) => {
      if (!d.agency === !d.collective) err(`${at}.agencyDuties.${i}`, "name exactly one of agency or collective", "Chọn đúng một: agency hoặc collective");
      if (d.agency && !knownAgency(d.agency)) err(`${at}.agencyDuties.${i}.agency`, `unknown agency '${d.agency}'`, `Không có cơ quan '${d.agency}'`);
      if (d.collective && !collectives.all.has(d.collective)) err(`${at}.agencyDuties.${i}.collective`, `unknown collective '${d.collective}'`, `Không có nhóm cơ quan '${d.collective}'`);
    });
    (plan.reportingObligations ?? []).forEach((o, i) => {
      for (const f of ["reporter", "recipient"] as const) {
        const code = o[f];
        if (code && !knownAgency(code)) err(`${at}.reportingObligations.${i}.${f}`, `unknown agency '${code}'`, `Không có cơ quan '${code}'`);
      }
      (o.recipients ?? []).forEach((code, j) => {
        if (!knownAgency(code)) err(`${at}.reportingObligations.${i}.recipients.${j}`, `unknown agency '${code}'`, `Không có cơ quan '${code}'`);
      });
      if (o.via && !knownAgency(o.via)) err(`${at}.reportingObligations.${i}.via`, `unknown agency '${o.via}'`, `Không có cơ quan '${o.via}'`);
      if (o.recipient && o.recipients) err(`${at}.reportingObligations.${i}.recipients`, "name the recipients with `recipient` or `recipients`, not both", "Nêu nơi nhận bằng `recipient` hoặc `recipients`, không dùng cả hai");
      if (o.reporterCollective && !collectives.all.has(o.reporterCollective))
        err(`${at}.reportingObligations.${i}.reporterCollective`, `unknown collective '${o.reporterCollective}'`, `Không có nhóm cơ quan '${o.reporterCollective}'`);
    });
    const flat = flattenTargets(plan.targets ?? [], `${at}.targets`);
    const codes = targetCodes(flat);
    const seenCodes = new Set<string>();
    for (const { entry, path } of flat) {
      const code = codes.get(path)!;
      if (seenCodes.has(code)) err(`${path}.code`, `duplicate target code '${code}'`, `Mã chỉ tiêu '${code}' bị trùng`);
      seenCodes.add(code);
      const fileInd = fileIndicators.get(entry.indicator);
      const dbInd = dbIndicators.get(entry.indicator);
      const unit = (fileInd?.unit ?? dbInd?.unit) as IndicatorUnit | undefined;
      if (!unit) {
        err(`${path}.indicator`, `unknown indicator code '${entry.indicator}'`, `Mã chỉ tiêu '${entry.indicator}' không tồn tại`);
        continue;
      }
      const shape = {
        comparator: entry.comparator,
        value: entry.value ?? null,
        valueMax: entry.valueMax ?? null,
        ageFrom: entry.ageFrom ?? null,
        ageTo: entry.ageTo ?? null,
        baselineYear: entry.baseline?.year ?? null,
        targetYear: entry.targetYear ?? null,
        breakdownEducationLevelCode: entry.educationLevel ?? null,
        pooledEducationLevelCodes: entry.educationLevels ?? [],
        countedEntity: entry.counting?.entity ?? null,
        countedNumerator: entry.counting?.count ?? null,
        countedDenominator: entry.counting?.outOf ?? null,
        isApproximate: entry.approximate ?? false,
        approximateTolerance: entry.tolerance ?? null,
        referencePlanId: entry.reference?.plan ? 0 : null,
        referenceCitedVi: entry.reference?.citedVi ?? null,
      };
      const issues = [...targetShapeIssues(shape), ...targetIndicatorIssues({ ...shape, baselineValue: entry.baseline?.value ?? null }, { unit, code: entry.indicator })];
      for (const e of fieldErrorsFromIssues(issues)) err(`${path}.${fileKeyOfTargetField(e.path)}`, e.message.en, e.message.vi);
      (entry.educationLevels ?? []).forEach((code, j) => {
        if (!educationLevels.has(code)) err(`${path}.educationLevels.${j}`, `unknown level of education '${code}'`, `Cấp học '${code}' không tồn tại`);
      });
      if (entry.reference?.plan && !knownPlan(entry.reference.plan)) err(`${path}.reference.plan`, `unknown plan '${entry.reference.plan}'`, `Không có kế hoạch '${entry.reference.plan}'`);
      if (entry.reference?.plan === plan.code) err(`${path}.reference.plan`, "a target cannot refer to its own plan", "Chỉ tiêu không thể dẫn chiếu chính kế hoạch của nó");
      (entry.milestones ?? []).forEach((m, j) => {
        for (const e of fieldErrorsFromIssues(targetIndicatorIssues({ value: m.value, valueMax: m.valueMax ?? null }, { unit, code: entry.indicator })))
          err(`${path}.milestones.${j}.${e.path}`, e.message.en, e.message.vi);
      });
      if (entry.educationLevel && !educationLevels.has(entry.educationLevel))
        err(`${path}.educationLevel`, `unknown level of education '${entry.educationLevel}'`, `Cấp học '${entry.educationLevel}' không tồn tại`);
    }
    const taskCodes = new Set<string>();
    for (const [i, t] of (plan.tasks ?? []).entries()) {
      if (taskCodes.has(t.code)) err(`${at}.tasks.${i}.code`, `duplicate task code '${t.code}'`, `Mã nhiệm vụ '${t.code}' bị trùng`);
      taskCodes.add(t.code);
      if (t.solutionGroup && !groups.has(t.solutionGroup)) err(`${at}.tasks.${i}.solutionGroup`, `unknown solution group '${t.solutionGroup}'`, `Không có nhóm giải pháp '${t.solutionGroup}'`);
      for (const role of TASK_ROLE_KEYS)
        (t[role] ?? []).forEach((code, j) => {
          if (!knownAgency(code) && !collectives.all.has(code)) err(`${at}.tasks.${i}.${role}.${j}`, `unknown agency or collective '${code}'`, `Không có cơ quan hoặc nhóm cơ quan '${code}'`);
        });
      if (t.duplicateOf !== undefined) {
        const original = (plan.tasks ?? []).findIndex((o) => o.code === t.duplicateOf);
        if (original < 0) err(`${at}.tasks.${i}.duplicateOf`, `no task '${t.duplicateOf}' in this plan`, `Kế hoạch không có nhiệm vụ '${t.duplicateOf}'`);
        else if (original === i) err(`${at}.tasks.${i}.duplicateOf`, "a task cannot repeat itself", "Nhiệm vụ không thể là dòng lặp của chính nó");
      }
      for (const issue of taskSourceIssues({ source: t.source ?? null, sourceConflicts: t.sourceConflicts ?? [] })) err(`${at}.tasks.${i}.${issue.path.join(".")}`, issue.en, issue.vi);
      // The domain's rule on assignees (someone named, nobody twice), located at the file's own keys.
      // A task already stored that the file names without any role keeps its assignees (the write path judges the result).
      const keepsAssignees = TASK_ROLE_KEYS.every((k) => t[k] === undefined) && (await storedTask(tx, plan.code, t.code));
      const issues = keepsAssignees ? [] : taskAssigneeIssues(Object.fromEntries(ASSIGNEE_ROLES.map((r) => [ASSIGNEE_ROLE_FIELDS[r].agencies, t[FILE_KEY_OF_ROLE[r]] ?? []])));
      for (const issue of issues) {
        const [field, index] = issue.path as [string, number | undefined];
        const role = ASSIGNEE_ROLES.find((r) => ASSIGNEE_ROLE_FIELDS[r].agencies === field)!;
        err(index === undefined ? `${at}.tasks.${i}` : `${at}.tasks.${i}.${FILE_KEY_OF_ROLE[role]}.${index}`, issue.en, issue.vi);
      }
    }
  }
  return withSuggestions(tx, config, errors);
}

/**
 * An unknown code gets the nearest known one ("did you mean 'educationDept'?") or, for a short list, every valid
 * value — of the kind the message names, from the file and the database.
 */
async function withSuggestions(tx: Tx, config: ParsedConfig["config"], errors: ConfigError[]): Promise<ConfigError[]> {
  const codes = async (table: typeof s.localities | typeof s.agencies | typeof s.plans | typeof s.indicators) => (await tx.select({ code: table.code }).from(table)).map((r) => r.code);
  const sources: [RegExp, () => Promise<string[]> | string[]][] = [
    [/^unknown locality level /, async () => (await tx.select({ code: s.localityLevels.code }).from(s.localityLevels)).map((r) => r.code)],
    [/^unknown level of education /, async () => (await tx.select({ code: s.educationLevels.code }).from(s.educationLevels)).map((r) => r.code)],
    [/^unknown indicator code /, async () => [...(await codes(s.indicators)), ...config.indicators.map((i) => i.code)]],
    [/^unknown agency or collective /, async () => [...(await codes(s.agencies)), ...config.agencies.map((a) => a.code), ...(await availableCollectives(tx, config)).all]],
    [/^unknown collective /, async () => [...(await availableCollectives(tx, config)).all]],
    [/^unknown (parent )?agency /, async () => [...(await codes(s.agencies)), ...config.agencies.map((a) => a.code)]],
    [/^unknown (parent )?locality |^unknown successor |^parent locality /, async () => [...(await codes(s.localities)), config.province.code, ...config.localities.map((l) => l.code)]],
    [/^unknown plan /, async () => [...(await codes(s.plans)), ...config.plans.map((p) => p.code)]],
    [/^unknown solution group /, () => config.plans.flatMap((p) => (p.solutionGroups ?? []).map((g) => g.code))],
  ];
  const cache = new Map<RegExp, string[]>();
  const out: ConfigError[] = [];
  for (const e of errors) {
    const source = sources.find(([pattern]) => pattern.test(e.message.en));
    const code = /'([^']+)'/.exec(e.message.en)?.[1];
    if (!source || !code) {
      out.push(e);
      continue;
    }
    if (!cache.has(source[0])) cache.set(source[0], await source[1]());
    const hint = suggestion(code, cache.get(source[0])!.filter((c) => c !== code));
    out.push({ ...e, message: { en: e.message.en + hint.en, vi: e.message.vi + hint.vi } });
  }
  return out;
}

/**
 * Every error of a file at once: its shape errors and, for the rest of it, every check against the database (a file
 * with a missing field and two unknown codes lists three errors), in the order of their lines.
 */
export async function allErrors(db: Db, error: ConfigInvalidError): Promise<ConfigInvalidError> {
  const partial = error.partial;
  if (!partial) return error;
  const seen = new Set(error.errors.map((e) => e.path));
  const more = (await validateProvinceConfig(db, partial))
    .map((e) => ({ ...e, path: partial.originalPath ? partial.originalPath(e.path) : e.path }))
    .filter((e) => !seen.has(e.path) && !partial.droppedCodes?.has(/'([^']+)'/.exec(e.message.en)?.[1] ?? ""));
  const errors = [...error.errors, ...more].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return new ConfigInvalidError(error.file, errors);
}

/**
 * Configure a province from a parsed file: validated whole first, then written in one transaction (all or nothing),
 * by natural keys, so that applying the same file twice changes nothing the second time. Fields and lists the file
 * does not mention keep their stored values. `dryRun`: every check and every write of a real run, rolled back.
 */
export async function applyProvinceConfig(db: Db, parsed: ParsedConfig, actor: Principal = SYSTEM_ACTOR, options: { dryRun?: boolean } = {}): Promise<ApplySummary> {
  const errors = await validateProvinceConfig(db, parsed);
  if (errors.length) throw new ConfigInvalidError(parsed.file, errors);
  const { config } = parsed;
  // The passwords of the users to create, hashed before the transaction (no slow work inside it).
  const storedUsernames = new Set(
    config.users.length ? (await db.select({ username: s.users.username }).from(s.users).where(inArray(s.users.username, config.users.map((u) => u.username)))).map((u) => u.username) : [],
  );
  const preparedUsers = new Map<string, Readonly<Record<string, unknown>>>();
  for (const u of config.users)
    if (!storedUsernames.has(u.username) && u.password !== undefined) preparedUsers.set(u.username, (await prepareRecordInput(RESOURCES.users, { password: u.password }, actor)).prepared);
  try {
    return await transaction(db, async (tx) => {
      const w = new Writer(db, tx, actor);
      const localityId = new Map<string, number>();
      const resolveLocality = async (code: string) => localityId.get(code) ?? (await idByCode(tx, s.localities, [code])).get(code)!;
      const p = config.province;
      const flagsOf = (f: { isExtremelyDifficultArea?: boolean | undefined; isBorderArea?: boolean | undefined; isEthnicMinorityArea?: boolean | undefined; isMountainous?: boolean | undefined }) => ({
        isExtremelyDifficultArea: f.isExtremelyDifficultArea,
        isBorderArea: f.isBorderArea,
        isEthnicMinorityArea: f.isEthnicMinorityArea,
        isMountainous: f.isMountainous,
      });
      const existingLocalities = await idByCode(tx, s.localities, [p.code, ...config.localities.map((l) => l.code)]);
      for (const level of config.localityLevels) {
        const row = { code: level.code, nameVi: level.nameVi, nameEn: level.nameEn, rank: level.rank, isAdministrative: level.isAdministrative ?? true };
        await tx.insert(s.localityLevels).values(row).onConflictDoUpdate({ target: s.localityLevels.code, set: row });
      }
      w.at = "province";
      const province = await w.upsert(RESOURCES.localities, existingLocalities.get(p.code), {
        code: p.code,
        officialCode: p.officialCode,
        nameVi: p.nameVi,
        nameEn: p.nameEn,
        levelCode: "province",
        parentId: await resolveLocality(p.parent),
        population: p.population,
        ...flagsOf(p),
      });
      localityId.set(p.code, province.id);
      const ordered = parentsFirst(config.localities, (l) => l.code, (l) => l.parent);
      for (const l of ordered) {
        w.at = `localities.${config.localities.indexOf(l)}`;
        const row = await w.upsert(RESOURCES.localities, existingLocalities.get(l.code), {
          code: l.code,
          officialCode: l.officialCode,
          nameVi: l.nameVi,
          nameEn: l.nameEn,
          levelCode: l.level,
          parentId: await resolveLocality(l.parent),
          validFrom: l.validFrom,
          validTo: l.validTo,
          population: l.population,
          ...flagsOf(l),
        });
        localityId.set(l.code, row.id);
      }
      for (const l of config.localities)
        if (l.successor) await w.upsert(RESOURCES.localities, localityId.get(l.code), { ...(await w.repo(RESOURCES.localities).readInTx(tx, localityId.get(l.code)!)), successorId: await resolveLocality(l.successor) });

      // The deadline the file names, else the one already set, else 10 December.
      if (p.reportDeadline) await tx.insert(s.localitySettings).values({ localityId: province.id, reportDeadline: p.reportDeadline }).onConflictDoUpdate({ target: s.localitySettings.localityId, set: { reportDeadline: p.reportDeadline } });
      else await tx.insert(s.localitySettings).values({ localityId: province.id, reportDeadline: DEFAULT_REPORT_DEADLINE }).onConflictDoNothing();
      const now = new Date().toISOString();
      for (const pluginId of config.plugins)
        await tx.insert(s.localityPlugins).values({ localityId: province.id, pluginId, enabled: true, updatedAt: now }).onConflictDoNothing();

      const agencyId = new Map<string, number>();
      const existingAgencies = await idByCode(tx, s.agencies, config.agencies.map((a) => a.code));
      const resolveAgency = async (code: string) => agencyId.get(code) ?? (await idByCode(tx, s.agencies, [code])).get(code)!;
      for (const a of parentsFirst(config.agencies, (a) => a.code, (a) => a.parent)) {
        w.at = `agencies.${config.agencies.indexOf(a)}`;
        const row = await w.upsert(RESOURCES.agencies, existingAgencies.get(a.code), {
          code: a.code,
          nameVi: a.nameVi,
          nameEn: a.nameEn,
          shortName: a.shortName,
          aliases: a.aliases,
          kind: a.kind,
          localityId: await resolveLocality(a.locality),
          parentId: a.parent ? await resolveAgency(a.parent) : undefined,
          validFrom: a.validFrom,
          validTo: a.validTo,
          formerNames: a.formerNames?.map((f) => ({ nameVi: f.nameVi, until: f.until ?? null })),
        });
        agencyId.set(a.code, row.id);
      }
      for (const a of config.agencies)
        for (const pred of a.predecessors ?? [])
          await tx.insert(s.agencySuccessions)
            .values({ predecessorId: await resolveAgency(pred.agency), successorId: agencyId.get(a.code)!, kind: pred.kind, effectiveOn: pred.effectiveOn, noteVi: pred.noteVi })
            .onConflictDoUpdate({ target: [s.agencySuccessions.predecessorId, s.agencySuccessions.successorId], set: { kind: pred.kind, effectiveOn: pred.effectiveOn, noteVi: pred.noteVi } });

      const existingCollectives = new Map((await tx.select({ id: s.collectiveAssignees.id, code: s.collectiveAssignees.code }).from(s.collectiveAssignees)).map((c) => [c.code, c.id] as const));
      for (const [i, c] of config.collectives.entries()) {
        w.at = `collectives.${i}`;
        await w.upsert(collectiveAssignees, existingCollectives.get(c.code), {
          code: c.code,
          nameVi: c.nameVi,
          nameEn: c.nameEn,
          aliases: c.aliases,
          localityId: await resolveLocality(c.locality ?? p.code),
          kinds: c.kinds,
          scope: c.scope,
          localityLevels: c.localityLevels,
          memberAgencyIds: c.members && (await mapInOrder(c.members, resolveAgency)),
        });
      }
      const collectiveCodes = (await availableCollectives(tx, config)).all;

      const existingUsers = new Map(
        config.users.length
          ? (await tx.select({ id: s.users.id, username: s.users.username }).from(s.users).where(inArray(s.users.username, config.users.map((u) => u.username)))).map((u) => [u.username, u.id] as const)
          : [],
      );
      for (const [i, u] of config.users.entries()) {
        w.at = `users.${i}`;
        const desired = { username: u.username, displayName: u.displayName, role: u.role, localityId: u.locality ? await resolveLocality(u.locality) : null, locale: u.locale, isActive: true };
        // An existing user keeps their password: the file only sets it on creation.
        await w.upsert(RESOURCES.users, existingUsers.get(u.username), existingUsers.has(u.username) ? desired : { ...desired, password: u.password }, {}, preparedUsers.get(u.username));
      }

      const existingIndicators = await idByCode(tx, s.indicators, config.indicators.map((i) => i.code));
      for (const [n, i] of config.indicators.entries()) {
        w.at = `indicators.${n}`;
        await w.upsert(RESOURCES.indicators, existingIndicators.get(i.code), {
          code: i.code,
          nameVi: i.nameVi,
          nameEn: i.nameEn,
          educationLevelCode: i.educationLevel,
          unit: i.unit,
          direction: i.direction,
          aggregation: i.aggregation ?? defaultAggregationFor(i.unit),
          measure: i.measure,
          descriptionVi: i.descriptionVi,
        });
      }

      const planId = new Map<string, number>();
      const existingPlans = await idByCode(tx, s.plans, config.plans.map((p) => p.code));
      const resolvePlan = async (code: string) => planId.get(code) ?? (await idByCode(tx, s.plans, [code])).get(code)!;
      // A plan after its parent and after the plans its targets refer to.
      for (const plan of parentsFirst(config.plans, (p) => p.code, (p) => [p.parentPlan, ...flattenTargets(p.targets ?? [], "").map((t) => t.entry.reference?.plan)])) {
        const planAt = `plans.${config.plans.indexOf(plan)}`;
        w.at = planAt;
        const row = await w.upsert(RESOURCES.plans, existingPlans.get(plan.code), {
          code: plan.code,
          documentKind: plan.documentKind,
          number: plan.number,
          titleVi: plan.titleVi,
          titleEn: plan.titleEn,
          localityId: await resolveLocality(plan.locality),
          issuingBodyVi: plan.issuingBodyVi,
          issuingAgencyId: plan.issuingAgency ? await resolveAgency(plan.issuingAgency) : undefined,
          issuedOn: plan.issuedOn,
          signer: plan.signer,
          signerTitleVi: plan.signerTitleVi,
          periodStart: plan.periodStart,
          periodEnd: plan.periodEnd,
          visionYear: plan.visionYear,
          status: plan.status,
          parentPlanId: plan.parentPlan ? await resolvePlan(plan.parentPlan) : undefined,
          generalObjectiveVi: plan.generalObjectiveVi,
          noteVi: plan.noteVi,
        }, { status: "issued" });
        planId.set(plan.code, row.id);
        await applyPlanContents(w, tx, row.id, plan, planAt, resolveAgency, resolvePlan, collectiveCodes);
      }
      // A dry run does every write, with every check of the write path, then rolls all of it back.
      if (options.dryRun) throw new DryRunDone(w.summary);
      return w.summary;
    });
  } catch (e) {
    if (e instanceof DryRunDone) return e.summary;
    if (e instanceof WritePathError) throw new ConfigInvalidError(parsed.file, e.located.map((l) => ({ ...l, line: parsed.lineOf(l.path) })));
    throw e;
  }
}

function defaultAggregationFor(unit: string) {
  return ["percent", "per10kInhabitants", "ratio"].includes(unit) ? "ratio" : ["count", "vnd"].includes(unit) ? "sum" : ["level", "boolean"].includes(unit) ? "min" : "none";
}

async function applyPlanContents(
  w: Writer,
  tx: Tx,
  planId: number,
  plan: PlanEntry,
  at: string,
  resolveAgency: (c: string) => Promise<number>,
  resolvePlan: (c: string) => Promise<number>,
  collectives: Set<string>,
) {
  const rowsOf = async (table: SQLiteTable, column: SQLiteColumn) =>
    (await tx.select().from(table).where(eq(column, planId)).orderBy((table as typeof s.fundingSources).id)) as Row[];

  // A list the plan does not mention is left as it is; a mentioned one (even empty) replaces the stored one.
  if (plan.relations) await w.syncList(
    RESOURCES.documentRelations,
    await rowsOf(s.documentRelations, s.documentRelations.fromPlanId),
    await mapInOrder(plan.relations ?? [], async (r) => ({
      fromPlanId: planId,
      kind: r.kind,
      toPlanId: r.plan ? await resolvePlan(r.plan) : null,
      citedKind: r.cited?.kind ?? null,
      citedNumber: r.cited?.number ?? null,
      citedIssuedOn: r.cited?.issuedOn ?? null,
      citedIssuerVi: r.cited?.issuerVi ?? null,
      citedTitleVi: r.cited?.titleVi ?? null,
      citedYear: r.cited?.year ?? null,
      noteVi: r.noteVi ?? null,
    })),
    `${at}.relations`,
  );
  const existingGroups = new Map((await tx.select().from(s.solutionGroups).where(eq(s.solutionGroups.planId, planId))).map((g) => [g.code, g.id] as const));
  const groupId = new Map<string, number>();
  for (const [i, g] of (plan.solutionGroups ?? []).entries()) {
    w.at = `${at}.solutionGroups.${i}`;
    const row = await w.upsert(RESOURCES.solutionGroups, existingGroups.get(g.code), { planId, code: g.code, titleVi: g.titleVi, titleEn: g.titleEn ?? null, summaryVi: g.summaryVi ?? null, sortOrder: i });
    groupId.set(g.code, row.id);
  }
  if (plan.fundingSources) await w.syncList(RESOURCES.fundingSources, await rowsOf(s.fundingSources, s.fundingSources.planId), (plan.fundingSources ?? []).map((f, i) => ({ planId, kind: f.kind, descriptionVi: f.descriptionVi, sortOrder: i })), `${at}.fundingSources`);
  if (plan.agencyDuties) await w.syncList(
    RESOURCES.agencyDuties,
    await rowsOf(s.agencyDuties, s.agencyDuties.planId),
    await mapInOrder([...(plan.agencyDuties ?? []).entries()], async ([i, d]) => ({ planId, agencyId: d.agency ? await resolveAgency(d.agency) : null, collectiveCode: d.collective ?? null, section: d.section ?? null, dutiesVi: d.dutiesVi, sortOrder: i })),
    `${at}.agencyDuties`,
  );
  if (plan.reportingObligations) await w.syncList(
    RESOURCES.reportingObligations,
    await rowsOf(s.reportingObligations, s.reportingObligations.planId),
    await mapInOrder(plan.reportingObligations ?? [], async (o) => ({
      planId,
      reporterAgencyId: o.reporter ? await resolveAgency(o.reporter) : null,
      reporterCollectiveCode: o.reporterCollective ?? null,
      recipientAgencyId: (o.recipient ?? o.recipients?.[0]) ? await resolveAgency((o.recipient ?? o.recipients?.[0])!) : null,
      furtherRecipientAgencyIds: await mapInOrder((o.recipients ?? []).slice(1), resolveAgency),
      viaAgencyId: o.via ? await resolveAgency(o.via) : null,
      subjectVi: o.subjectVi,
      frequency: o.frequency,
      dueMonthDay: o.dueMonthDay ?? null,
      dueYear: o.dueYear ?? null,
    })),
    `${at}.reportingObligations`,
  );

  const flat = flattenTargets(plan.targets ?? [], `${at}.targets`);
  const codes = targetCodes(flat);
  const indicatorIds = await idByCode(tx, s.indicators, flat.map((f) => f.entry.indicator));
  const existingTargets = new Map((await tx.select({ id: s.targets.id, code: s.targets.code }).from(s.targets).where(eq(s.targets.planId, planId))).map((t) => [t.code, t.id] as const));
  const targetIdByPath = new Map<string, number>();
  for (const { entry: t, path, parentPath } of flat) {
    w.at = path;
    const row = await w.upsert(RESOURCES.targets, existingTargets.get(codes.get(path)!), {
      planId,
      indicatorId: indicatorIds.get(t.indicator)!,
      code: codes.get(path)!,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax,
      targetYear: t.targetYear,
      baselineValue: t.baseline?.value,
      baselineYear: t.baseline?.year,
      appliesEveryYear: t.appliesEveryYear,
      isAspirational: t.isAspirational,
      areaFlag: t.areaFlag,
      breakdownEducationLevelCode: t.educationLevel,
      ageFrom: t.ageFrom,
      ageTo: t.ageTo,
      conditionVi: t.conditionVi,
      conditionEn: t.conditionEn,
      countedEntity: t.counting?.entity,
      countingCriterionVi: t.counting?.criterionVi,
      countingOutOfVi: t.counting?.outOfVi,
      countedNumerator: t.counting?.count,
      countedDenominator: t.counting?.outOf,
      countedGroupRelation: t.counting?.groupRelation,
      pooledEducationLevelCodes: t.educationLevels,
      isApproximate: t.approximate,
      approximateTolerance: t.tolerance,
      referencePlanId: t.reference?.plan ? await resolvePlan(t.reference.plan) : undefined,
      referenceCitedVi: t.reference?.citedVi,
      noteVi: t.noteVi,
      parentTargetId: parentPath ? targetIdByPath.get(parentPath)! : null,
      phraseVi: t.phraseVi,
      section: t.section,
    });
    targetIdByPath.set(path, row.id);
    const existingMilestones = new Map((await tx.select({ id: s.milestones.id, year: s.milestones.year }).from(s.milestones).where(eq(s.milestones.targetId, row.id))).map((m) => [m.year, m.id] as const));
    for (const [j, m] of (t.milestones ?? []).entries()) {
      w.at = `${path}.milestones.${j}`;
      await w.upsert(RESOURCES.milestones, existingMilestones.get(m.year), { targetId: row.id, year: m.year, value: m.value, valueMax: m.valueMax, isSynthetic: m.isSynthetic, noteVi: m.noteVi });
    }
  }

  const existingTasks = new Map((await tx.select({ id: s.tasks.id, code: s.tasks.code }).from(s.tasks).where(eq(s.tasks.planId, planId))).map((t) => [t.code, t.id] as const));
  const split = async (codes: string[] = []) => ({ agencies: await mapInOrder(codes.filter((c) => !collectives.has(c)), resolveAgency), collectives: codes.filter((c) => collectives.has(c)) });
  const taskId = new Map<string, number>();
  for (const t of parentsFirst(plan.tasks ?? [], (t) => t.code, (t) => t.duplicateOf)) {
    const assignees: Record<string, unknown> = {};
    for (const role of ASSIGNEE_ROLES) {
      // A role the file does not mention keeps the task's assignees in it (mention it, even empty, to change it).
      if (t[FILE_KEY_OF_ROLE[role]] === undefined) continue;
      const { agencies, collectives: codes } = await split(t[FILE_KEY_OF_ROLE[role]]);
      assignees[ASSIGNEE_ROLE_FIELDS[role].agencies] = agencies;
      assignees[ASSIGNEE_ROLE_FIELDS[role].collectives] = codes;
    }
    w.at = `${at}.tasks.${(plan.tasks ?? []).indexOf(t)}`;
    const row = await w.upsert(RESOURCES.tasks, existingTasks.get(t.code), {
      planId,
      solutionGroupId: t.solutionGroup ? (groupId.get(t.solutionGroup) ?? null) : undefined,
      code: t.code,
      titleVi: t.titleVi,
      titleEn: t.titleEn,
      descriptionVi: t.descriptionVi,
      timing: t.timing,
      outputVi: t.outputVi,
      status: t.status,
      ...assignees,
      rowNumber: t.number,
      duplicateOfId: t.duplicateOf ? (taskId.get(t.duplicateOf) ?? null) : undefined,
      source: t.source,
      sourceConflicts: t.sourceConflicts,
      sourceNoteVi: t.sourceNoteVi,
    });
    taskId.set(t.code, row.id);
  }
}
