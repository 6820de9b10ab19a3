export * from "./client.js";
export * from "./transaction.js";
export * from "./query.js";
export * from "./errors.js";
export * from "./audit.js";
export * from "./principal.js";
export * from "./resource.js";
export * from "./crud.js";
export { assertReadable, assertRole, assertWritable, assertReferences, foreignRefs, isReadable, outOfArea, readCondition, registerResource, resourceOfTable } from "./guard.js";
export * from "./area.js";
export * from "./report-scope.js";
export * from "./settings.js";
export * from "./figures-import.js";
export * from "./resources/index.js";
export * from "./passwords.js";
export * from "./sqlite/aggregates.js";
export * as schema from "./schema/index.js";

import type { Db } from "./client.js";
import { CrudRepository } from "./crud.js";
import { RESOURCES, type ResourceName } from "./resources/index.js";

export type Repositories = { [K in ResourceName]: CrudRepository };

/** One CRUD repository per resource, all on the same database. */
export function createRepositories(db: Db): Repositories {
  return Object.fromEntries(Object.entries(RESOURCES).map(([name, def]) => [name, new CrudRepository(db, def)])) as Repositories;
}
export { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
export * from "./sqlite/plugin-migrations.js";
export * from "./summaries.js";
export * from "./successions.js";
