import { getTableName } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as sqliteSchema from "../schema/index.js";
import { sqliteTablesOf } from "./derive.js";
import * as pgSchema from "./schema.js";

describe("PostgreSQL schema derived from the SQLite schema", () => {
  it("exports every derived table by the name of its SQLite table (drizzle-kit reads the named exports)", () => {
    const { pgTables, ...named } = pgSchema;
    expect(Object.keys(named).sort()).toEqual(Object.keys(sqliteTablesOf(sqliteSchema)).sort());
    for (const [name, table] of Object.entries(named)) expect(table).toBe(pgTables[name]);
  });

  it("sort keys compare bytewise (COLLATE \"C\"), ids are identities, floats double precision", () => {
    const localities = getTableConfig(pgSchema.localities);
    const column = (name: string) => localities.columns.find((c) => c.name === name)!;
    expect(column("sortKey").getSQLType()).toBe('text COLLATE "C"');
    expect(column("id").generatedIdentity?.type).toBe("byDefault");
    expect(getTableConfig(pgSchema.targets).columns.find((c) => c.name === "value")!.getSQLType()).toBe("double precision");
    expect(getTableName(pgSchema.auditLog)).toBe("audit_log");
  });
});
