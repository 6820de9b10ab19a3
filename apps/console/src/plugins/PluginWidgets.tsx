/** The widgets that enabled plugins add to a named slot of the console (`dashboard.main`, `dashboard.side`). */
import { Card, CardContent, Stack, Typography } from "@mui/material";
import type { WidgetSlot } from "@eduplan/plugin-sdk/admin";
import { useUiLocale } from "../common/locale";
import { useEnabledPluginAdmins, useEnabledPlugins } from "./registry";

export function PluginWidgets({ slot }: { slot: WidgetSlot }) {
  const { locale } = useUiLocale();
  const { mine } = useEnabledPlugins();
  const widgets = useEnabledPluginAdmins().flatMap((plugin) => (plugin.widgets ?? []).filter((w) => w.slot === slot).map((w) => ({ plugin, w })));
  if (!widgets.length) return null;
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: "wrap" }} data-testid={`plugin-widgets-${slot}`}>
      {widgets.map(({ plugin, w }) => {
        const Widget = w.component;
        return (
          <Card key={`${plugin.id}/${w.id}`} sx={{ flex: "1 1 280px" }}>
            <CardContent>
              <Typography variant="subtitle2" color="text.secondary" gutterBottom>
                {w.title[locale]}
              </Typography>
              <Widget pluginId={plugin.id} provinceId={mine?.provinceId ?? null} locale={locale} />
            </CardContent>
          </Card>
        );
      })}
    </Stack>
  );
}
