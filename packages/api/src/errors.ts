/** Error mapping lives in `@eduplan/api-core` (shared with plugins); re-exported here. */
export {
  CODE_BY_REASON,
  apiError,
  eduplanErrorData,
  forbidden,
  isEduplanError,
  outOfScope,
  relativeToData,
  toTRPCError,
  unauthenticated,
  type EduplanErrorData,
} from "@eduplan/api-core";
