import type { Db } from "./client.js";
import { auditLog } from "./schema/index.js";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Who makes a change, as the audit log names them (a `Principal` is one, with its role and locality). */
export type Actor = { userId: number | null; username: string };

export function recordAudit(
  tx: Tx | Db,
  actor: Actor,
  action: string,
  entity: string,
  entityId: number | null,
  before: unknown,
  after: unknown,
  localityId: number | null = null,
): void {
  tx.insert(auditLog)
    .values({
      at: new Date().toISOString(),
      userId: actor.userId,
      username: actor.username,
      action,
      entity,
      entityId,
      localityId,
      before: before ?? null,
      after: after ?? null,
    })
    .run();
}
