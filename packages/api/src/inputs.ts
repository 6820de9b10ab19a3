/** Input schemas of the resource procedures (docs/api-conventions.md) live in `@eduplan/api-core`; re-exported here. */
export { DeleteInput, FilterInput, GetManyReferenceInput, GetOneInput, IdInput, IdsInput, ListInput, PaginationInput, SortInput, VersionedIdsInput, patchSchemaOf, versionedIds } from "@eduplan/api-core";
