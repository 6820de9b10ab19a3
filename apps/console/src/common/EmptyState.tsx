import type { ReactNode } from "react";
import { Box, Typography } from "@mui/material";
import Inbox from "@mui/icons-material/Inbox";
import { CreateButton, useCanAccess, useResourceContext, useResourceDefinition, useTranslate } from "react-admin";

/**
 * What a list shows when it has no record: what is missing and what to do next, in the user's language
 * (`resources.<resource>.empty`), with the “Create” button only for users who may create.
 */
export function EmptyState({ message, action }: { message?: string; action?: ReactNode }) {
  const translate = useTranslate();
  const resource = useResourceContext() ?? "";
  const { hasCreate } = useResourceDefinition();
  const { canAccess } = useCanAccess({ resource, action: "create" });
  return (
    <Box sx={{ textAlign: "center", py: 6, px: 2, color: "text.secondary" }} data-testid="empty-state">
      <Inbox sx={{ fontSize: 64, opacity: 0.5 }} />
      <Typography variant="h6" sx={{ mt: 1, mb: 2, maxWidth: 640, mx: "auto" }}>
        {message ?? translate(`resources.${resource}.empty`, { _: translate("ra.page.empty", { name: translate(`resources.${resource}.name`, { smart_count: 2 }) }) })}
      </Typography>
      {action ?? (hasCreate && canAccess ? <CreateButton variant="contained" /> : null)}
    </Box>
  );
}

export default EmptyState;
