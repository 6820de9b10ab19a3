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
  noteVi: z.string().nullable().default(null),
});
export type AgencySuccession = z.infer<typeof AgencySuccessionSchema>;

/**
 * A collective assignee as the documents write them ("các sở, ban, ngành", "UBND các xã, phường"): a rule that
 * expands to the matching agencies within a locality.
 */
export const CollectiveAssigneeSchema = z.object({
  code: CodeSchema,
  nameVi: NameViSchema,
  nameEn: z.string().min(1),
  /** Agencies of these kinds match (empty = any kind). */
  kinds: z.array(AgencyKindSchema).default([]),
  /** Match agencies located at these locality levels, relative to the plan's locality: 'self' or 'children'. */
  scope: z.enum(["self", "descendants"]).default("self"),
  /** Restrict to localities of these level codes (for 'descendants'). */
  localityLevels: z.array(CodeSchema).default([]),
});
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

export const DEFAULT_COLLECTIVE_ASSIGNEES: CollectiveAssignee[] = [
  {
    code: "provincial-agencies",
    nameVi: "Các sở, ban, ngành",
    nameEn: "Provincial departments, boards and sectors",
    kinds: DEPARTMENT_KINDS,
    scope: "self",
    localityLevels: [],
  },
  {
    code: "district-agencies",
    nameVi: "Các cơ quan, ban, ngành, đoàn thể huyện",
    nameEn: "District agencies and mass organisations",
    kinds: [...DIVISION_KINDS, "fatherlandFrontCommittee", "socioPoliticalOrganisation"],
    scope: "self",
    localityLevels: [],
  },
  {
    code: "commune-peoples-committees",
    nameVi: "UBND các xã, phường",
    nameEn: "Commune and ward People's Committees",
    kinds: ["peoplesCommittee"],
    scope: "descendants",
    localityLevels: ["commune", "ward", "township"],
  },
  {
    code: "institutions",
    nameVi: "Các cơ sở giáo dục",
    nameEn: "Educational institutions",
    kinds: ["school", "college", "centre"],
    scope: "descendants",
    localityLevels: [],
  },
];

/**
 * Expand a collective assignee into the agencies it names, for a plan of `localityId`.
 * `descendantsOf` gives every locality below a locality (from the closure table or a tree walk).
 */
export function expandCollectiveAssignee<A extends Pick<Agency, "id" | "kind" | "localityId">>(
  collective: CollectiveAssignee,
  localityId: number,
  agencies: A[],
  localities: { id: number; parentId: number | null; levelCode: string }[],
): A[] {
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
