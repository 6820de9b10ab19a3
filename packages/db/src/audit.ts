import type { Executor } from "./resource.js";
import { auditLog } from "./schema/index.js";

/** Who makes a change, as the audit log names them (a `Principal` is one, with its role and locality). */
export type Actor = { userId: number | null; username: string };

export async function recordAudit(
  tx: Executor,
  actor: Actor,
  action: string,
  entity: string,
  entityId: number | null,
  before: unknown,
  after: unknown,
  localityId: number | null = null,
): Promise<void> {
  await tx
    .insert(auditLog)
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
    });
}
