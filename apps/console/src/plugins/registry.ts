/**
 * The installed plugins' console entries, from the generated registry (`../plugins.generated.ts`), loaded lazily:
 * a plugin's React code is fetched only when the console starts, in its own chunk.
 */
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useGetIdentity } from "react-admin";
import type { AdminPlugin } from "@eduplan/plugin-sdk/admin";
import { PLUGIN_ADMIN_REGISTRY } from "../plugins.generated";
import { trpc } from "../trpc";

let loading: Promise<AdminPlugin[]> | null = null;
let loaded: AdminPlugin[] | null = null;

/** Every installed plugin's console entry (a plugin whose entry fails to load is left out, with a console error). */
export function loadPluginAdmins(): Promise<AdminPlugin[]> {
  loading ??= Promise.all(
    Object.entries(PLUGIN_ADMIN_REGISTRY).map(([id, entry]) =>
      entry
        .load()
        .then((m) => (m as { default: AdminPlugin }).default)
        .catch((error: unknown) => {
          console.error(`EduPlan: the console entry of plugin ${id} failed to load`, error);
          return null;
        }),
    ),
  ).then((list) => (loaded = list.filter((p): p is AdminPlugin => p !== null)));
  return loading;
}

/** The installed plugins' console entries once loaded (null before). */
export function usePluginAdmins(): AdminPlugin[] | null {
  const [admins, setAdmins] = useState<AdminPlugin[] | null>(loaded);
  useEffect(() => {
    let live = true;
    void loadPluginAdmins().then((list) => live && setAdmins(list));
    return () => {
      live = false;
    };
  }, []);
  return admins;
}

export type MinePlugins = Awaited<ReturnType<typeof trpc.pluginSettings.mine.query>>;

/** The plugins enabled for the user's province (`pluginSettings.mine`): the menus and widgets follow it. */
export function useEnabledPlugins(): { enabled: Set<string>; mine: MinePlugins | undefined; isPending: boolean } {
  const { identity } = useGetIdentity();
  const { data, isPending } = useQuery({
    queryKey: ["pluginSettings.mine", identity?.id ?? null],
    queryFn: () => trpc.pluginSettings.mine.query(),
    enabled: identity !== undefined,
    staleTime: 30_000,
  });
  return { enabled: new Set(data?.enabled ?? []), mine: data, isPending };
}

/** The console entries of the plugins enabled for the user. */
export function useEnabledPluginAdmins(): AdminPlugin[] {
  const admins = usePluginAdmins();
  const { enabled } = useEnabledPlugins();
  return (admins ?? []).filter((a) => enabled.has(a.id));
}
