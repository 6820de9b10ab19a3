/**
 * The province file the wizard builds (the `ProvinceConfigSchema` of packages/province-config/src/schema.ts, written
 * by hand here because that package reads the database and cannot enter the browser bundle): pure helpers,
 * unit-tested in config.test.ts.
 */

export interface ProvinceSection {
  code: string;
  nameVi: string;
  nameEn?: string;
  officialCode?: string;
  parent?: string;
  population?: number;
  reportDeadline?: string;
  isExtremelyDifficultArea?: boolean;
  isBorderArea?: boolean;
  isEthnicMinorityArea?: boolean;
  isMountainous?: boolean;
}

export interface LocalityEntry {
  code: string;
  nameVi: string;
  nameEn?: string;
  level: string;
  parent: string;
}

export interface AgencyEntry {
  code: string;
  nameVi: string;
  nameEn?: string;
  shortName?: string;
  kind: string;
  locality: string;
}

export interface TargetEntry {
  code?: string;
  indicator: string;
  comparator: string;
  value?: number;
  valueMax?: number;
  targetYear?: number;
  baseline?: { value: number; year?: number };
  appliesEveryYear?: boolean;
  isAspirational?: boolean;
  areaFlag?: string;
  educationLevel?: string;
  ageFrom?: number;
  ageTo?: number;
  conditionVi?: string;
  conditionEn?: string;
  counting?: { entity: string; criterionVi?: string; outOfVi?: string };
  phraseVi?: string;
  section?: string;
  subTargets?: TargetEntry[];
}

export interface PlanEntry {
  code: string;
  documentKind: string;
  number?: string;
  titleVi: string;
  locality: string;
  issuedOn?: string;
  periodStart?: number;
  periodEnd?: number;
  visionYear?: number;
  status?: string;
  parentPlan?: string;
  targets?: TargetEntry[];
}

export interface ProvinceConfig {
  province: ProvinceSection;
  plugins: string[];
  localities: LocalityEntry[];
  agencies: AgencyEntry[];
  users: never[];
  indicators: never[];
  plans: PlanEntry[];
}

/** Codes as the schema wants them (`CodeSchema`); the wizard asks for lowercase ASCII with dashes. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** "Tỉnh Cao Bằng" → "cao-bang": a code suggestion from a Vietnamese name. */
export function codeFromName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/^(tinh|thanh pho|xa|phuong|thi tran)\s+/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Drops `null`, `undefined` and empty strings (the file's optional members are absent, never null). */
export function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== "")) as Partial<T>;
}

/** A stored target (API record) of the parent plan → a target entry of the new plan, sub-targets nested. */
export interface StoredTarget {
  id: number;
  code: string;
  indicatorId: number;
  comparator: string;
  value: number | null;
  valueMax: number | null;
  targetYear: number | null;
  baselineValue: number | null;
  baselineYear: number | null;
  appliesEveryYear: boolean;
  isAspirational: boolean;
  areaFlag: string | null;
  breakdownEducationLevelCode: string | null;
  ageFrom: number | null;
  ageTo: number | null;
  conditionVi: string | null;
  conditionEn: string | null;
  countedEntity: string | null;
  countingCriterionVi: string | null;
  countingOutOfVi: string | null;
  parentTargetId: number | null;
  phraseVi: string | null;
  section: string | null;
}

/**
 * The parent plan's targets as targets of the new plan. Figures, years, breakdowns and conditions are the parent's
 * (what the new plan derives from); the wording is not: the parent's sentence ("Phấn đấu đến năm 2030, giáo dục Lạng
 * Sơn đạt mức khá …") speaks of the parent's locality, so each copied target starts from a neutral wording — the
 * indicator's name (`indicatorNamesVi`), with no place in it — which the officer rewrites in the new plan's words.
 */
export function copyTargets(
  targets: StoredTarget[],
  indicatorCodes: Map<number, string>,
  indicatorNamesVi: Map<number, string> = new Map(),
  /** The parent plan's locality ("Tỉnh Lạng Sơn"): a name that speaks of it is no neutral wording. */
  parentLocalityNameVi?: string,
): TargetEntry[] {
  const entryOf = (t: StoredTarget): TargetEntry => {
    const entry = compact({
      code: t.code,
      indicator: indicatorCodes.get(t.indicatorId) ?? String(t.indicatorId),
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax,
      targetYear: t.targetYear,
      appliesEveryYear: t.appliesEveryYear || undefined,
      isAspirational: t.isAspirational || undefined,
      areaFlag: t.areaFlag,
      educationLevel: t.breakdownEducationLevelCode,
      ageFrom: t.ageFrom,
      ageTo: t.ageTo,
      conditionVi: t.conditionVi,
      conditionEn: t.conditionEn,
      phraseVi: neutralWording(indicatorNamesVi.get(t.indicatorId), parentLocalityNameVi),
      section: t.section,
    }) as TargetEntry;
    if (t.baselineValue !== null && t.baselineValue !== undefined) entry.baseline = compact({ value: t.baselineValue, year: t.baselineYear }) as TargetEntry["baseline"];
    if (t.countedEntity) entry.counting = compact({ entity: t.countedEntity, criterionVi: t.countingCriterionVi, outOfVi: t.countingOutOfVi }) as TargetEntry["counting"];
    return entry;
  };
  const byParent = new Map<number | null, StoredTarget[]>();
  const ids = new Set(targets.map((t) => t.id));
  for (const t of targets) {
    const parent = t.parentTargetId !== null && ids.has(t.parentTargetId) ? t.parentTargetId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), t]);
  }
  const build = (parent: number | null): TargetEntry[] =>
    (byParent.get(parent) ?? []).map((t) => {
      const entry = entryOf(t);
      const subs = build(t.id);
      if (subs.length) entry.subTargets = subs;
      return entry;
    });
  return build(null);
}

/**
 * The neutral wording of a copied target: the indicator's name — unless it names the parent's locality (an indicator
 * of the parent's own, "Trường Cao đẳng Lạng Sơn …"): then nothing, and the officer writes the target in their words.
 */
export function neutralWording(indicatorNameVi: string | undefined, parentLocalityNameVi?: string): string | undefined {
  const name = indicatorNameVi?.trim();
  if (!name) return undefined;
  const place = parentLocalityNameVi?.trim().replace(/^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/iu, "");
  if (place && name.toLocaleLowerCase("vi-VN").includes(place.toLocaleLowerCase("vi-VN"))) return undefined;
  return name;
}

/** Every target entry, sub-targets included, in file order (what the plan step lists). */
export function flattenTargets(targets: TargetEntry[]): TargetEntry[] {
  return targets.flatMap((t) => [t, ...flattenTargets(t.subTargets ?? [])]);
}

/** Each target entry with its path in the file ("plans.0.targets.1.subTargets.0"), for placing errors on its row. */
export function targetPaths(targets: TargetEntry[], prefix: string): { target: TargetEntry; path: string }[] {
  return targets.flatMap((t, i) => [{ target: t, path: `${prefix}.${i}` }, ...targetPaths(t.subTargets ?? [], `${prefix}.${i}.subTargets`)]);
}

/** Problems the wizard can see before sending the file; the server validates the whole file again. */
export function checkConfig(config: ProvinceConfig): { path: string; key: string }[] {
  const problems: { path: string; key: string }[] = [];
  const p = config.province;
  if (!p.code) problems.push({ path: "province.code", key: "eduplan.provinceSetup.required" });
  else if (!CODE_PATTERN.test(p.code)) problems.push({ path: "province.code", key: "eduplan.provinceSetup.invalidCode" });
  if (!p.nameVi.trim()) problems.push({ path: "province.nameVi", key: "eduplan.provinceSetup.required" });
  const seen = new Set<string>([p.code]);
  config.localities.forEach((l, i) => {
    if (!l.code) problems.push({ path: `localities.${i}.code`, key: "eduplan.provinceSetup.required" });
    else if (!CODE_PATTERN.test(l.code)) problems.push({ path: `localities.${i}.code`, key: "eduplan.provinceSetup.invalidCode" });
    else if (seen.has(l.code)) problems.push({ path: `localities.${i}.code`, key: "eduplan.provinceSetup.duplicateCode" });
    seen.add(l.code);
    if (!l.nameVi.trim()) problems.push({ path: `localities.${i}.nameVi`, key: "eduplan.provinceSetup.required" });
  });
  const agencyCodes = new Set<string>();
  config.agencies.forEach((a, i) => {
    if (!a.code) problems.push({ path: `agencies.${i}.code`, key: "eduplan.provinceSetup.required" });
    else if (!CODE_PATTERN.test(a.code)) problems.push({ path: `agencies.${i}.code`, key: "eduplan.provinceSetup.invalidCode" });
    else if (agencyCodes.has(a.code)) problems.push({ path: `agencies.${i}.code`, key: "eduplan.provinceSetup.duplicateCode" });
    agencyCodes.add(a.code);
    if (!a.nameVi.trim()) problems.push({ path: `agencies.${i}.nameVi`, key: "eduplan.provinceSetup.required" });
  });
  config.plans.forEach((plan, i) => {
    if (!plan.code) problems.push({ path: `plans.${i}.code`, key: "eduplan.provinceSetup.required" });
    else if (!CODE_PATTERN.test(plan.code)) problems.push({ path: `plans.${i}.code`, key: "eduplan.provinceSetup.invalidCode" });
    if (!plan.titleVi.trim()) problems.push({ path: `plans.${i}.titleVi`, key: "eduplan.provinceSetup.required" });
  });
  return problems;
}

/** The file as sent: optional members left out when empty. */
export function toProvinceFile(config: ProvinceConfig): Record<string, unknown> {
  return {
    province: compact({ ...config.province, parent: config.province.parent || "vn" }),
    plugins: config.plugins,
    localities: config.localities.map((l) => compact({ ...l })),
    agencies: config.agencies.map((a) => compact({ ...a })),
    plans: config.plans.map((plan) => compact({ ...plan, targets: plan.targets?.length ? plan.targets : undefined })),
  };
}

/** A server field path ("config.localities.0.code", "localities[0].code") → the wizard's ("localities.0.code"). */
export function wizardPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/g, ".$1")
    .replace(/^(data\.)?config\./, "")
    .replace(/^\./, "");
}

/** The wizard step a path belongs to (0 province … 4 plan, 5 review for anything else). */
export function stepOfPath(path: string): number {
  const p = wizardPath(path);
  if (p.startsWith("province")) return 0;
  if (p.startsWith("localities")) return 1;
  if (p.startsWith("agencies")) return 2;
  if (p.startsWith("plugins")) return 3;
  if (p.startsWith("plans")) return 4;
  return 5;
}
