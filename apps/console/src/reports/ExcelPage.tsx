import { useState } from "react";
import { Autocomplete, Box, Card, CardContent, Divider, Stack, TextField, Typography } from "@mui/material";
import { Title, useGetList, usePermissions, useTranslate } from "react-admin";
import { COMMUNE_LEVEL_CODES } from "@eduplan/domain";
import type { ConsolePermissions } from "../permissions";
import { ExcelImport, TemplateButton } from "./ExcelImport";

/**
 * Reports through Excel (`/reports-excel`): download the prefilled template of a unit and year, fill it offline,
 * upload it back (progress bar; the row-level errors when the file is refused — nothing is written then).
 */
export function ExcelPage() {
  const translate = useTranslate();
  const { permissions } = usePermissions<ConsolePermissions | null>();
  const [year, setYear] = useState(new Date().getFullYear());
  const [unitId, setUnitId] = useState<number | null>(null);
  const own = permissions?.role === "commune_officer" ? permissions.scopeLocalityId : null;
  const { data: units = [] } = useGetList<{ id: number; nameVi: string }>(
    "localities",
    { filter: { levelCode: [...COMMUNE_LEVEL_CODES] }, pagination: { page: 1, perPage: 1000 }, sort: { field: "nameVi", order: "ASC" } },
    { enabled: own === null },
  );
  const chosen = own ?? unitId;
  const mayWrite = !!permissions?.canWrite?.reportValues;
  return (
    <Box sx={{ mt: 2 }} data-testid="excel-page">
      <Title title={translate("eduplan.reporting.excel.pageTitle")} />
      <Card>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate("eduplan.reporting.excel.pageTitle")}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate("eduplan.reporting.excel.help")}
          </Typography>
          <Stack direction={{ xs: "column", sm: "row" }} spacing={2} sx={{ mb: 2, alignItems: { sm: "center" } }}>
            {own === null ? (
              <Autocomplete
                sx={{ minWidth: 280 }}
                options={units}
                getOptionLabel={(u) => u.nameVi}
                value={units.find((u) => u.id === unitId) ?? null}
                onChange={(_e, u) => setUnitId(u?.id ?? null)}
                renderInput={(params) => <TextField {...params} size="small" label={translate("eduplan.reporting.unit")} />}
              />
            ) : null}
            <TextField size="small" type="number" label={translate("eduplan.reporting.year")} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 120 }} />
            <TemplateButton localityId={chosen} year={year} ensureReport={mayWrite} />
          </Stack>
          {mayWrite ? (
            <>
              <Divider sx={{ mb: 2 }} />
              <ExcelImport />
            </>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
}

export default ExcelPage;
