import type { Role } from "@eduplan/domain";
import type { Actor } from "./audit.js";

/** Who is reading or writing: the audit's actor, with the role and locality every check of the write path needs. */
export type Principal = Actor & { role: Role; localityId: number | null };

/** The command line and start-up (migrations, seeding, `province init`): an administrator. */
export const SYSTEM: Principal = { userId: null, username: "system", role: "system_admin", localityId: null };

export const isAdministrator = (p: Principal) => p.role === "system_admin";

/**
 * The same person, with an administrator's reach, for derived writes their change causes outside their own area (a
 * plugin feed recomputing a province figure from a commune's record). The audit still names them.
 */
export const onBehalfOf = (p: Principal): Principal => ({ userId: p.userId, username: p.username, role: "system_admin", localityId: null });

/** The principal of the command line and start-up, under the name the audit log has always used. */
export const SYSTEM_ACTOR = SYSTEM;
