import { z } from "zod";
import {
  AGENCY_KINDS,
  AgencyKindSchema,
  CodeSchema,
  ComparatorSchema,
  CountedEntitySchema,
  COUNTED_GROUP_RELATIONS,
  DirectionSchema,
  AggregationSchema,
  IndicatorUnitSchema,
  IndicatorMeasureSchema,
  DocumentKindSchema,
  DOCUMENT_RELATION_KINDS,
  FUNDING_KINDS,
  IsoDateSchema,
  LOCALITY_FLAGS,
  LocaleSchema,
  MonthDaySchema,
  PasswordSchema,
  PlanStatusSchema,
  REPORT_FREQUENCIES,
  RoleSchema,
  SUCCESSION_KINDS,
  TaskStatusSchema,
  TaskTimingSchema,
  TaskSourceSchema,
  TASK_CONFLICT_FIELDS,
  UsernameSchema,
  YearSchema,
} from "@eduplan/domain";

void AGENCY_KINDS;

/**
 * The declarative province file. Everything refers to everything else by code, so one file configures a province
 * (its localities, agencies, users, plugins, plans with targets, milestones and tasks) and applying it twice changes
 * nothing the second time.
 */
const flags = {
  isExtremelyDifficultArea: z.boolean().optional(),
  isBorderArea: z.boolean().optional(),
  isEthnicMinorityArea: z.boolean().optional(),
  isMountainous: z.boolean().optional(),
};

const nameFields = {
  code: CodeSchema,
  officialCode: z.string().trim().max(20).optional(),
  nameVi: z.string().trim().min(1),
  nameEn: z.string().trim().min(1).optional(),
};

export const ProvinceSectionSchema = z.strictObject({
  ...nameFields,
  /** The nation's code; the reference data loads `vn`. */
  parent: CodeSchema.default("vn"),
  population: z.number().int().min(0).optional(),
  /** The yearly reporting deadline, "12-10" (10 December) unless set. */
  reportDeadline: MonthDaySchema.optional(),
  ...flags,
});

export const LocalityEntrySchema = z.strictObject({
  ...nameFields,
  /** A locality level code: district, commune, ward, township, school … */
  level: CodeSchema,
  /** The code of the parent locality (the province, a district, or a commune for schools). */
  parent: CodeSchema,
  validFrom: IsoDateSchema.optional(),
  validTo: IsoDateSchema.optional(),
  successor: CodeSchema.optional(),
  population: z.number().int().min(0).optional(),
  ...flags,
});

export const AgencyEntrySchema = z.strictObject({
  code: CodeSchema,
  nameVi: z.string().trim().min(1),
  nameEn: z.string().trim().min(1).optional(),
  shortName: z.string().trim().max(60).optional(),
  /** Other ways the documents write its name ("UBND tỉnh", "Ủy ban nhân dân tỉnh Lạng Sơn"). */
  aliases: z.array(z.string().trim().min(1)).optional(),
  kind: AgencyKindSchema,
  /** Locality code. */
  locality: CodeSchema,
  /** Parent agency code. */
  parent: CodeSchema.optional(),
  validFrom: IsoDateSchema.optional(),
  validTo: IsoDateSchema.optional(),
  formerNames: z.array(z.strictObject({ nameVi: z.string().min(1), until: IsoDateSchema.optional() })).optional(),
  /** Agencies this one took over (2025 reorganisation). Predecessors may be listed in the same file. */
  predecessors: z
    .array(z.strictObject({ agency: CodeSchema, kind: z.enum(SUCCESSION_KINDS), effectiveOn: IsoDateSchema.optional(), noteVi: z.string().optional() }))
    .optional(),
});

/** A collective assignee the province's plans name ("Các cơ quan liên quan", "UBND các huyện, thành phố"). */
export const CollectiveEntrySchema = z.strictObject({
  /** Unique across the installation (built-ins and every province's): prefix it with the province, e.g. `ls.related`. */
  code: CodeSchema,
  nameVi: z.string().trim().min(1),
  nameEn: z.string().trim().min(1).optional(),
  aliases: z.array(z.string().trim().min(1)).optional(),
  /** The locality that declares it; the province when omitted. */
  locality: CodeSchema.optional(),
  /** The agencies it stands for; when given, kinds/scope/localityLevels are not used. */
  members: z.array(CodeSchema).optional(),
  /** Else: agencies of these kinds … */
  kinds: z.array(AgencyKindSchema).optional(),
  /** … at the plan's own locality (`self`) or below it (`descendants`) … */
  scope: z.enum(["self", "descendants"]).optional(),
  /** … at localities of these levels. */
  localityLevels: z.array(CodeSchema).optional(),
});

export const UserEntrySchema = z.strictObject({
  username: UsernameSchema,
  displayName: z.string().trim().min(1),
  role: RoleSchema,
  locality: CodeSchema.optional(),
  locale: LocaleSchema.optional(),
  /** Hashed with scrypt when applied; never stored in clear. */
  password: PasswordSchema,
});

export const IndicatorEntrySchema = z.strictObject({
  code: CodeSchema,
  nameVi: z.string().trim().min(1),
  nameEn: z.string().trim().min(1),
  educationLevel: CodeSchema,
  unit: IndicatorUnitSchema,
  direction: DirectionSchema,
  aggregation: AggregationSchema.optional(),
  measure: IndicatorMeasureSchema.optional(),
  descriptionVi: z.string().optional(),
});

const MilestoneEntrySchema = z.strictObject({
  year: YearSchema,
  value: z.number(),
  valueMax: z.number().optional(),
  isSynthetic: z.boolean().optional(),
  noteVi: z.string().optional(),
});

export type TargetEntry = {
  code?: string | undefined;
  indicator: string;
  comparator: z.infer<typeof ComparatorSchema>;
  value?: number | undefined;
  valueMax?: number | undefined;
  targetYear?: number | undefined;
  baseline?: { value: number; year?: number | undefined } | undefined;
  appliesEveryYear?: boolean | undefined;
  isAspirational?: boolean | undefined;
  areaFlag?: (typeof LOCALITY_FLAGS)[number] | undefined;
  educationLevel?: string | undefined;
  educationLevels?: string[] | undefined;
  ageFrom?: number | undefined;
  ageTo?: number | undefined;
  conditionVi?: string | undefined;
  conditionEn?: string | undefined;
  counting?:
    | {
        entity: z.infer<typeof CountedEntitySchema>;
        criterionVi?: string | undefined;
        outOfVi?: string | undefined;
        count?: number | undefined;
        outOf?: number | undefined;
        groupRelation?: (typeof COUNTED_GROUP_RELATIONS)[number] | undefined;
      }
    | undefined;
  approximate?: boolean | undefined;
  tolerance?: number | undefined;
  reference?: { plan?: string | undefined; citedVi?: string | undefined } | undefined;
  noteVi?: string | undefined;
  phraseVi?: string | undefined;
  section?: string | undefined;
  milestones?: z.infer<typeof MilestoneEntrySchema>[] | undefined;
  subTargets?: TargetEntry[] | undefined;
};

export const TargetEntrySchema: z.ZodType<TargetEntry> = z.lazy(() =>
  z.strictObject({
    /** Stable key within the plan; derived from the indicator code when omitted. */
    code: CodeSchema.optional(),
    indicator: CodeSchema,
    comparator: ComparatorSchema,
    value: z.number().optional(),
    valueMax: z.number().optional(),
    targetYear: YearSchema.optional(),
    baseline: z.strictObject({ value: z.number(), year: YearSchema.optional() }).optional(),
    appliesEveryYear: z.boolean().optional(),
    isAspirational: z.boolean().optional(),
    areaFlag: z.enum(LOCALITY_FLAGS).optional(),
    /** One level of education the target is for (a breakdown: primary 74,4%). */
    educationLevel: CodeSchema.optional(),
    /** Several levels one figure is for, pooled, never split ("trường mầm non, tiểu học đạt chuẩn"). */
    educationLevels: z.array(CodeSchema).optional(),
    ageFrom: z.number().int().optional(),
    ageTo: z.number().int().optional(),
    conditionVi: z.string().optional(),
    conditionEn: z.string().optional(),
    counting: z
      .strictObject({
        entity: CountedEntitySchema,
        criterionVi: z.string().optional(),
        outOfVi: z.string().optional(),
        /** "4/10 xã": 4 … */
        count: z.number().int().min(0).optional(),
        /** … out of 10. */
        outOf: z.number().int().min(1).optional(),
        /** How this counted group relates to its parent target's: nested, separate, or not stated by the text. */
        groupRelation: z.enum(COUNTED_GROUP_RELATIONS).optional(),
      })
      .optional(),
    /** "khoảng 30%": achieved within ±tolerance (default 2 points) of the value. */
    approximate: z.boolean().optional(),
    tolerance: z.number().positive().optional(),
    /** "hoàn thành các mục tiêu của Kế hoạch số …": a plan in the system (`plan`) or as cited (`citedVi`); comparator `achieve`. */
    reference: z.strictObject({ plan: CodeSchema.optional(), citedVi: z.string().trim().min(1).optional() }).optional(),
    noteVi: z.string().optional(),
    phraseVi: z.string().optional(),
    section: z.string().optional(),
    milestones: z.array(MilestoneEntrySchema).optional(),
    subTargets: z.array(TargetEntrySchema).optional(),
  }),
);

export const TaskEntrySchema = z.strictObject({
  code: CodeSchema,
  solutionGroup: z.string().optional(),
  titleVi: z.string().trim().min(1),
  titleEn: z.string().optional(),
  descriptionVi: z.string().optional(),
  timing: TaskTimingSchema,
  outputVi: z.string().optional(),
  status: TaskStatusSchema.optional(),
  /** Chủ trì: agency codes or collective codes (e.g. `provincial-agencies`); may be absent when the text names only coordinators. */
  lead: z.array(CodeSchema).optional(),
  /** Phối hợp: agency or collective codes. */
  coordinating: z.array(CodeSchema).optional(),
  /** Đề nghị: bodies not subordinate to the issuer (the Fatherland Front), requested to take part. */
  requested: z.array(CodeSchema).optional(),
  /** The row's number in the document ("12", "V.3"), kept as written. */
  number: z.string().trim().min(1).max(40).optional(),
  /** The code of an earlier task of the same plan this row repeats (a task table listing a row twice). */
  duplicateOf: CodeSchema.optional(),
  /** Where the plan states the task: `body`, `table` (the appendix) or `both`. */
  source: TaskSourceSchema.optional(),
  /** Values the body and the table state differently: both wordings, and which one the task holds. */
  sourceConflicts: z
    .array(
      z.strictObject({
        field: z.enum(TASK_CONFLICT_FIELDS),
        keptFrom: z.enum(["body", "table"]),
        bodyVi: z.string().trim().min(1),
        tableVi: z.string().trim().min(1),
      }),
    )
    .optional(),
  sourceNoteVi: z.string().trim().optional(),
});

export const PlanEntrySchema = z.strictObject({
  code: CodeSchema,
  documentKind: DocumentKindSchema,
  number: z.string().trim().optional(),
  titleVi: z.string().trim().min(1),
  titleEn: z.string().trim().optional(),
  locality: CodeSchema,
  issuingBodyVi: z.string().optional(),
  issuingAgency: CodeSchema.optional(),
  issuedOn: IsoDateSchema.optional(),
  signer: z.string().optional(),
  signerTitleVi: z.string().optional(),
  periodStart: YearSchema.optional(),
  periodEnd: YearSchema.optional(),
  visionYear: YearSchema.optional(),
  status: PlanStatusSchema.optional(),
  /** Code of the parent plan in the cascade, when it is in the system (loaded or in this file). */
  parentPlan: CodeSchema.optional(),
  generalObjectiveVi: z.string().optional(),
  /** What the document itself leaves out or says oddly ("the signature block names no signer"). */
  noteVi: z.string().optional(),
  relations: z
    .array(
      z.strictObject({
        kind: z.enum(DOCUMENT_RELATION_KINDS),
        plan: CodeSchema.optional(),
        cited: z
          .strictObject({
            kind: DocumentKindSchema.optional(),
            number: z.string().optional(),
            issuedOn: IsoDateSchema.optional(),
            /** A date given as a year only ("Luật Giáo dục năm 2019"). */
            year: YearSchema.optional(),
            issuerVi: z.string().optional(),
            titleVi: z.string().optional(),
          })
          .optional(),
        /** A note on the citation ("cited twice with different numbers", "chưa ban hành"). */
        noteVi: z.string().optional(),
      }),
    )
    .optional(),
  solutionGroups: z
    .array(z.strictObject({ code: z.string().min(1), titleVi: z.string().min(1), titleEn: z.string().optional(), summaryVi: z.string().optional() }))
    .optional(),
  fundingSources: z.array(z.strictObject({ kind: z.enum(FUNDING_KINDS), descriptionVi: z.string().min(1) })).optional(),
  agencyDuties: z
    .array(
      z.strictObject({
        agency: CodeSchema.optional(),
        collective: CodeSchema.optional(),
        section: z.string().optional(),
        dutiesVi: z.string().min(1),
      }),
    )
    .optional(),
  reportingObligations: z
    .array(
      z.strictObject({
        reporter: CodeSchema.optional(),
        reporterCollective: CodeSchema.optional(),
        recipient: CodeSchema.optional(),
        /** Several recipients (the first one first); instead of `recipient`. */
        recipients: z.array(CodeSchema).optional(),
        /** The agency the report goes through ("qua Sở GD&ĐT"). */
        via: CodeSchema.optional(),
        subjectVi: z.string().min(1),
        frequency: z.enum(REPORT_FREQUENCIES),
        dueMonthDay: MonthDaySchema.optional(),
        dueYear: YearSchema.optional(),
      }),
    )
    .optional(),
  targets: z.array(TargetEntrySchema).optional(),
  tasks: z.array(TaskEntrySchema).optional(),
});

/** A locality level the province needs beyond the built-in ones ("thành phố" beside "huyện"). */
export const LocalityLevelEntrySchema = z.strictObject({
  code: CodeSchema,
  nameVi: z.string().trim().min(1),
  nameEn: z.string().trim().min(1),
  /** Depth in the hierarchy: 1 province, 2 district, 3 commune, 4 school. */
  rank: z.number().int().min(1).max(9),
  isAdministrative: z.boolean().optional(),
});

export const ProvinceConfigSchema = z.strictObject({
  province: ProvinceSectionSchema,
  /** Locality levels beyond the built-in ones. */
  localityLevels: z.array(LocalityLevelEntrySchema).default([]),
  /** Plugin ids enabled for this province. */
  plugins: z.array(CodeSchema).default([]),
  localities: z.array(LocalityEntrySchema).default([]),
  agencies: z.array(AgencyEntrySchema).default([]),
  /** Collective assignees the plans of this province name, beyond the built-in ones. */
  collectives: z.array(CollectiveEntrySchema).default([]),
  users: z.array(UserEntrySchema).default([]),
  /** Indicators this province adds beyond the core catalog. */
  indicators: z.array(IndicatorEntrySchema).default([]),
  plans: z.array(PlanEntrySchema).default([]),
});
export type ProvinceConfig = z.infer<typeof ProvinceConfigSchema>;
export type PlanEntry = z.infer<typeof PlanEntrySchema>;
