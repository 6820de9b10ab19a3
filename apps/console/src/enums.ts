/**
 * Choices of every enumeration, from the domain's constants (the only source of their values), labelled by
 * translation keys `eduplan.enum.<enum>.<value>` that react-admin's inputs and fields translate.
 */
import {
  AGENCY_KINDS,
  AGGREGATIONS,
  COMPARATORS,
  COUNTED_ENTITIES,
  DIRECTIONS,
  DOCUMENT_KINDS,
  DOCUMENT_RELATION_KINDS,
  FUNDING_KINDS,
  INDICATOR_UNITS,
  LOCALITY_FLAGS,
  LOCALES,
  PLAN_STATUSES,
  ROLES,
  TASK_STATUSES,
  TASK_TIMING_KINDS,
  CASCADE_VERDICTS,
  TARGET_STATES,
  SUCCESSION_KINDS,
  REPORT_FREQUENCIES,
} from "@eduplan/domain";

export interface Choice {
  id: string;
  name: string;
}

const choicesOf = (enumName: string, values: readonly string[]): Choice[] =>
  values.map((id) => ({ id, name: `eduplan.enum.${enumName}.${id}` }));

export const CHOICES = {
  comparator: choicesOf("comparator", COMPARATORS),
  taskStatus: choicesOf("taskStatus", TASK_STATUSES),
  timingKind: choicesOf("timingKind", TASK_TIMING_KINDS),
  role: choicesOf("role", ROLES),
  unit: choicesOf("unit", INDICATOR_UNITS),
  direction: choicesOf("direction", DIRECTIONS),
  aggregation: choicesOf("aggregation", AGGREGATIONS),
  documentKind: choicesOf("documentKind", DOCUMENT_KINDS),
  planStatus: choicesOf("planStatus", PLAN_STATUSES),
  relationKind: choicesOf("relationKind", DOCUMENT_RELATION_KINDS),
  fundingKind: choicesOf("fundingKind", FUNDING_KINDS),
  agencyKind: choicesOf("agencyKind", AGENCY_KINDS),
  countedEntity: choicesOf("countedEntity", COUNTED_ENTITIES),
  areaFlag: choicesOf("areaFlag", LOCALITY_FLAGS),
  locale: choicesOf("locale", LOCALES),
  verdict: choicesOf("verdict", CASCADE_VERDICTS),
  targetState: choicesOf("targetState", TARGET_STATES),
  agencyRole: choicesOf("agencyRole", ["lead", "coordinating"]),
  successionKind: choicesOf("successionKind", SUCCESSION_KINDS),
  reportFrequency: choicesOf("reportFrequency", REPORT_FREQUENCIES),
} as const;

export type EnumName = keyof typeof CHOICES;

/** The translation key of one value of an enumeration. */
export const enumKey = (enumName: EnumName, value: unknown) => `eduplan.enum.${enumName}.${String(value)}`;

export { CASCADE_VERDICTS, TARGET_STATES, COMPARATORS };
