import { z } from "zod";
import { CodeSchema, IdSchema, IsoDateSchema, NameEnSchema, NameViSchema, recordFields } from "./primitives.js";

/** What an agency is, independent of its current name (GLOSSARY.md §2). */
export const AGENCY_KINDS = [
  "peoplesCommittee",
  "peoplesCouncil",
  "councilStandingBoard",
  "councilCommittee",
  "partyCommittee",
  "fatherlandFrontCommittee",
  "socioPoliticalOrganisation",
  "educationDept",
  "financeDept",
  "homeAffairsDept",
  "scienceTechnologyDept",
  "cultureSportsTourismDept",
  "healthDept",
  "constructionDept",
  "agricultureEnvironmentDept",
  "ethnicReligiousAffairsDept",
  "otherDept",
  "educationDivision",
  "financePlanningDivision",
  "homeAffairsDivision",
  "cultureScienceInformationDivision",
  "ethnicReligiousAffairsDivision",
  "healthCentre",
  "otherDivision",
  "college",
  "school",
  "centre",
  "pressAgency",
  "ministry",
  "government",
  "other",
] as const;
export const AgencyKindSchema = z.enum(AGENCY_KINDS);
export type AgencyKind = z.infer<typeof AgencyKindSchema>;

export const FormerNameSchema = z.object({
  nameVi: NameViSchema,
  /** Last day the agency bore this name. */
  until: IsoDateSchema.nullable().default(null),
});

const agencyFields = {
  code: CodeSchema,
  nameVi: NameViSchema,
  nameEn: NameEnSchema.default(null),
  shortName: z.string().trim().max(60).nullable().default(null),
  /** Other ways the documents write the name ("UBND tỉnh", "Ủy ban nhân dân tỉnh Lạng Sơn"), matched by `createAssigneeMatcher`. */
  aliases: z.array(NameViSchema).max(50).default([]),
  kind: AgencyKindSchema,
  localityId: IdSchema,
  parentId: IdSchema.nullable().default(null),
  validFrom: IsoDateSchema.nullable().default(null),
  validTo: IsoDateSchema.nullable().default(null),
  formerNames: z.array(FormerNameSchema).default([]),
};

export const AgencyInputSchema = z.object(agencyFields);
export type AgencyInput = z.input<typeof AgencyInputSchema>;
export const AgencySchema = z.object({ ...recordFields, ...agencyFields });
export type Agency = z.infer<typeof AgencySchema>;

export const SUCCESSION_KINDS = ["renamed", "merged", "split", "absorbed", "abolished"] as const;
/** A reorganisation link: the 2025 reform merged departments and abolished district divisions. */
export const AgencySuccessionSchema = z.object({
  predecessorId: IdSchema,
  successorId: IdSchema,
  kind: z.enum(SUCCESSION_KINDS),
  effectiveOn: IsoDateSchema.nullable().default(null),
  noteVi: z.string().trim().max(4000).nullable().default(null),
});
export type AgencySuccession = z.infer<typeof AgencySuccessionSchema>;

/**
 * A collective assignee as the documents write them ("các sở, ban, ngành", "UBND các xã, phường"): data, declared per
 * province (or built in, `localityId` null, usable everywhere). It stands for its member agencies when it lists them,
 * else for the agencies that match its rule (kinds, at the plan's own locality or below it, at some locality levels).
 */
const collectiveFields = {
  code: CodeSchema,
  nameVi: NameViSchema,
  nameEn: NameEnSchema.default(null),
  /** Other wordings of the same collective ("các sở, ngành", "các sở, ban, ngành tỉnh"). */
  aliases: z.array(NameViSchema).max(50).default([]),
  /** The province (or other locality) that declares it; null = built in, available to every plan. */
  localityId: IdSchema.nullable().default(null),
  /** Agencies of these kinds match (empty = any kind). */
  kinds: z.array(AgencyKindSchema).default([]),
  /** Match agencies of the plan's own locality ('self') or of the localities below it ('descendants'). */
  scope: z.enum(["self", "descendants"]).default("self"),
  /** Restrict to localities of these level codes (for 'descendants'). */
  localityLevels: z.array(CodeSchema).default([]),
  /** The agencies it stands for, when the province lists them; then the rule above is not used. */
  memberAgencyIds: z.array(IdSchema).default([]),
};
export const CollectiveAssigneeInputSchema = z.object(collectiveFields);
export type CollectiveAssigneeInput = z.input<typeof CollectiveAssigneeInputSchema>;
export const CollectiveAssigneeRecordSchema = z.object({ ...recordFields, ...collectiveFields });
/** A collective as the expansion needs it (a stored row or a built-in). */
export const CollectiveAssigneeSchema = z.object(collectiveFields);
export type CollectiveAssignee = z.infer<typeof CollectiveAssigneeSchema>;

const DEPARTMENT_KINDS: AgencyKind[] = [
  "educationDept",
  "financeDept",
  "homeAffairsDept",
  "scienceTechnologyDept",
  "cultureSportsTourismDept",
  "healthDept",
  "constructionDept",
  "agricultureEnvironmentDept",
  "ethnicReligiousAffairsDept",
  "otherDept",
];
const DIVISION_KINDS: AgencyKind[] = [
  "educationDivision",
  "financePlanningDivision",
  "homeAffairsDivision",
  "cultureScienceInformationDivision",
  "ethnicReligiousAffairsDivision",
  "healthCentre",
  "otherDivision",
];

const builtIn = (c: CollectiveAssigneeInput): CollectiveAssignee => CollectiveAssigneeSchema.parse(c);

/** The collectives every installation has: rows like any other (`localityId` null), loaded with the reference data. */
export const DEFAULT_COLLECTIVE_ASSIGNEES: CollectiveAssignee[] = [
  builtIn({
    code: "provincial-agencies",
    nameVi: "Các sở, ban, ngành",
    nameEn: "Provincial departments, boards and sectors",
    aliases: ["Các sở, ban, ngành tỉnh", "Các sở, ngành", "Các sở, ban, ngành, địa phương"],
    kinds: DEPARTMENT_KINDS,
  }),
  builtIn({
    code: "district-agencies",
    nameVi: "Các cơ quan, ban, ngành, đoàn thể huyện",
    nameEn: "District agencies and mass organisations",
    aliases: ["Các cơ quan, đơn vị, đoàn thể huyện"],
    kinds: [...DIVISION_KINDS, "fatherlandFrontCommittee", "socioPoliticalOrganisation"],
  }),
  builtIn({
    code: "commune-peoples-committees",
    nameVi: "UBND các xã, phường",
    nameEn: "Commune and ward People's Committees",
    aliases: ["UBND các xã, phường, thị trấn", "UBND các xã"],
    kinds: ["peoplesCommittee"],
    scope: "descendants",
    localityLevels: ["commune", "ward", "township"],
  }),
  builtIn({
    code: "institutions",
    nameVi: "Các cơ sở giáo dục",
    nameEn: "Educational institutions",
    aliases: ["Các cơ sở giáo dục, đào tạo", "Các trường học"],
    kinds: ["school", "college", "centre"],
    scope: "descendants",
  }),
  builtIn({
    code: "socio-political-organisations",
    nameVi: "Các tổ chức chính trị - xã hội",
    nameEn: "Socio-political organisations",
    aliases: ["Ủy ban MTTQ và các tổ chức chính trị - xã hội", "Các đoàn thể"],
    kinds: ["fatherlandFrontCommittee", "socioPoliticalOrganisation"],
  }),
  builtIn({
    code: "district-peoples-committees",
    nameVi: "UBND các huyện, thành phố",
    nameEn: "District and city People's Committees (before 2025)",
    aliases: ["UBND các huyện, thị xã, thành phố", "UBND các huyện"],
    kinds: ["peoplesCommittee"],
    scope: "descendants",
    localityLevels: ["district", "city", "town"],
  }),
];

/**
 * Expand a collective assignee into the agencies it names, for a plan of `localityId`.
 * `descendantsOf` gives every locality below a locality (from the closure table or a tree walk).
 */
export function expandCollectiveAssignee<A extends Pick<Agency, "id" | "kind" | "localityId">>(
  collective: Pick<CollectiveAssignee, "kinds" | "scope" | "localityLevels"> & { memberAgencyIds?: readonly number[] },
  localityId: number,
  agencies: A[],
  localities: { id: number; parentId: number | null; levelCode: string }[],
): A[] {
  if (collective.memberAgencyIds?.length) {
    const members = new Set(collective.memberAgencyIds);
    return agencies.filter((a) => members.has(a.id));
  }
  let inScope: Set<number>;
  if (collective.scope === "self") {
    inScope = new Set([localityId]);
  } else {
    const childrenOf = new Map<number, number[]>();
    for (const l of localities) {
      if (l.parentId === null) continue;
      const list = childrenOf.get(l.parentId) ?? [];
      list.push(l.id);
      childrenOf.set(l.parentId, list);
    }
    inScope = new Set();
    const stack = [...(childrenOf.get(localityId) ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      inScope.add(id);
      stack.push(...(childrenOf.get(id) ?? []));
    }
    if (collective.localityLevels.length) {
      const levelOf = new Map(localities.map((l) => [l.id, l.levelCode]));
      for (const id of [...inScope]) if (!collective.localityLevels.includes(levelOf.get(id) ?? "")) inScope.delete(id);
    }
  }
  return agencies.filter(
    (a) => inScope.has(a.localityId) && (collective.kinds.length === 0 || collective.kinds.includes(a.kind)),
  );
}
