/**
 * Plugins per province (system administrators): a switch per province and plugin (`pluginSettings.update`), and the
 * plugins installed on the server with their state — a broken plugin shows why. Disabling keeps all the data.
 */
import { Alert, Chip, Switch, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Loading, Title, useNotify } from "react-admin";
import { useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import { trpc } from "../trpc";

export function PluginSettingsPage() {
  const { locale } = useUiLocale();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const installed = useQuery({ queryKey: ["pluginSettings.installed"], queryFn: () => trpc.pluginSettings.installed.query() });
  const settings = useQuery({ queryKey: ["pluginSettings.list"], queryFn: () => trpc.pluginSettings.list.query() });
  if (installed.isPending || settings.isPending) return <Loading />;
  if (settings.error) return <Alert severity="error">{describeError(settings.error, locale).message}</Alert>;
  const rows = settings.data?.data ?? [];
  const provinces = [...new Map(rows.map((r) => [r.localityId, { id: r.localityId, code: r.localityCode, nameVi: r.localityNameVi }])).values()];
  const plugins = [...new Map(rows.map((r) => [r.pluginId, { id: r.pluginId, name: locale === "en" ? r.pluginNameEn : r.pluginNameVi }])).values()];

  async function toggle(localityId: number, pluginId: string, enabled: boolean) {
    try {
      await trpc.pluginSettings.update.mutate({ localityId, pluginId, enabled });
      await queryClient.invalidateQueries({ queryKey: ["pluginSettings.list"] });
      await queryClient.invalidateQueries({ queryKey: ["pluginSettings.mine"] });
    } catch (error) {
      notify(describeError(error, locale).message, { type: "error" });
    }
  }

  return (
    <div data-testid="plugin-settings">
      <Title title={locale === "en" ? "Plugins per province" : "Plugin theo tỉnh"} />
      <Typography variant="body2" color="text.secondary" sx={{ my: 2 }}>
        {locale === "en"
          ? "Turning a plugin off hides its indicators, forms and menus for the province; its data is kept and comes back when it is turned on again."
          : "Tắt một plugin sẽ ẩn chỉ tiêu, biểu mẫu và menu của plugin đối với tỉnh; dữ liệu vẫn được giữ nguyên và hiện lại khi bật lại."}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{locale === "en" ? "Province" : "Tỉnh"}</TableCell>
            {plugins.map((p) => (
              <TableCell key={p.id}>{p.name}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {provinces.map((province) => (
            <TableRow key={province.id}>
              <TableCell>{province.nameVi}</TableCell>
              {plugins.map((p) => {
                const row = rows.find((r) => r.localityId === province.id && r.pluginId === p.id)!;
                return (
                  <TableCell key={p.id}>
                    <Switch
                      checked={row.enabled}
                      onChange={(_e, checked) => void toggle(province.id, p.id, checked)}
                      slotProps={{ input: { "aria-label": `${province.code} ${p.id}`, ...({ "data-testid": `plugin-switch-${province.code}-${p.id}` } as object) } }}
                    />
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="h6" sx={{ mt: 4, mb: 1 }}>
        {locale === "en" ? "Installed plugins" : "Plugin đã cài đặt"}
      </Typography>
      <Table size="small">
        <TableBody>
          {(installed.data?.data ?? []).map((p) => (
            <TableRow key={p.pluginId}>
              <TableCell>{locale === "en" ? p.nameEn : p.nameVi}</TableCell>
              <TableCell>{p.pluginId}</TableCell>
              <TableCell>{p.version}</TableCell>
              <TableCell>
                <Chip size="small" color={p.status === "active" ? "success" : "error"} label={p.status === "active" ? (locale === "en" ? "active" : "hoạt động") : locale === "en" ? "broken" : "lỗi"} />
              </TableCell>
              <TableCell>{p.error ?? ""}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export default PluginSettingsPage;
