import { usePermissions } from "react-admin";
import type { ConsolePermissions } from "../permissions";

/**
 * Internal codes (indicator, task, target codes) are for administrators: officers see names only. One rule for every
 * page that could show a code.
 */
export function useShowCodes(): boolean {
  const { permissions } = usePermissions<ConsolePermissions>();
  return !!permissions?.isAdmin;
}
