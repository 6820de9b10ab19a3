import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from "@mui/material";
import NoteAddIcon from "@mui/icons-material/NoteAdd";
import {
  AutocompleteInput,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SelectInput,
  TopToolbar,
  useGetList,
  useNotify,
  usePermissions,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { COMMUNE_LEVEL_CODES } from "@eduplan/domain";
import { EmptyState } from "../common/EmptyState";
import { LocalDateTimeField } from "../common/fields";
import { useUiLocale } from "../common/locale";
import { describeError } from "../errors";
import type { ConsolePermissions } from "../permissions";
import { trpc } from "../trpc";
import { excelExporter } from "./exporter";
import { usePeriods } from "./periods";
import { ReportStatusField } from "./StatusChip";

const COMMUNE_LEVELS = [...COMMUNE_LEVEL_CODES];
const STATUSES = ["draft", "submitted", "returned", "approved"] as const;

function StatusFilter(props: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  return <SelectInput {...props} choices={STATUSES.map((s) => ({ id: s, name: translate(`eduplan.reporting.status.${s}`) }))} />;
}

/** The year filter: the periods that concern the user (their province's, for a commune officer). */
function PeriodFilter(props: { source: string; label?: string; alwaysOn?: boolean }) {
  const periods = [...usePeriods().values()];
  const several = new Set(periods.map((p) => p.localityId)).size > 1;
  return <SelectInput {...props} choices={periods.map((p) => ({ id: p.id, name: several ? `${p.year} — ${p.localityNameVi}` : String(p.year) }))} sx={{ minWidth: 140 }} />;
}

const filters = [
  <PeriodFilter key="periodId" source="periodId" label="resources.reports.fields.year" alwaysOn />,
  <ReferenceInput key="localityId" source="localityId" reference="localities" filter={{ levelCode: COMMUNE_LEVELS }} alwaysOn>
    <AutocompleteInput sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <StatusFilter key="status" source="status" alwaysOn />,
];

/** Opens (or starts, as a draft) a unit's report of a year: the commune officer's own unit, or any unit of the province. */
export function OpenReportButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const { locale } = useUiLocale();
  const { permissions } = usePermissions<ConsolePermissions | null>();
  const [open, setOpen] = useState(false);
  const [year, setYear] = useState(new Date().getFullYear());
  const [unitId, setUnitId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const own = permissions?.role === "commune_officer" ? permissions.scopeLocalityId : null;
  const { data: units = [] } = useGetList<{ id: number; nameVi: string }>(
    "localities",
    { filter: { levelCode: COMMUNE_LEVELS }, pagination: { page: 1, perPage: 1000 }, sort: { field: "nameVi", order: "ASC" } },
    { enabled: open && own === null },
  );
  if (!permissions?.canWrite?.reports) return null;
  const chosen = own ?? unitId;
  return (
    <>
      <Button size="small" startIcon={<NoteAddIcon />} onClick={() => setOpen(true)} data-testid="open-report">
        {translate("eduplan.reporting.openReport")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="xs">
        <DialogTitle>{translate("eduplan.reporting.openReport")}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            {own === null ? (
              <Autocomplete
                options={units}
                getOptionLabel={(u) => u.nameVi}
                value={units.find((u) => u.id === unitId) ?? null}
                onChange={(_e, u) => setUnitId(u?.id ?? null)}
                renderInput={(params) => <TextField {...params} label={translate("eduplan.reporting.unit")} />}
              />
            ) : (
              <Typography variant="body2">{translate("eduplan.reporting.ownUnit")}</Typography>
            )}
            <TextField type="number" label={translate("eduplan.reporting.year")} value={year} onChange={(e) => setYear(Number(e.target.value))} slotProps={{ htmlInput: { min: 2000, max: 2100, "data-testid": "open-report-year" } }} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate("ra.action.cancel")}</Button>
          <Button
            variant="contained"
            disabled={busy || chosen === null || !Number.isInteger(year)}
            data-testid="open-report-confirm"
            onClick={async () => {
              if (chosen === null) return;
              setBusy(true);
              try {
                const grid = await trpc.reports.forUnit.mutate({ localityId: chosen, year });
                setOpen(false);
                void navigate(`/reports/${String(grid.report.id)}/show`);
              } catch (error) {
                notify(describeError(error, locale).message, { type: "error" });
              } finally {
                setBusy(false);
              }
            }}
          >
            {translate("eduplan.reporting.open")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <OpenReportButton />
    <ExportButton />
  </TopToolbar>
);

function YearOfPeriod() {
  const record = useRecordContext<{ periodId: number }>();
  const period = usePeriods().get(Number(record?.periodId));
  return <span>{period ? String(period.year) : "—"}</span>;
}

/** The reports of the user's area: year, unit, status (with the late flag), when sent and decided. */
export function ReportList() {
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: "id", order: "DESC" }} exporter={excelExporter} empty={<EmptyState />}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="periodId" label="resources.reports.fields.year" render={() => <YearOfPeriod />} />
        <DataTable.Col source="localityId">
          <ReferenceField source="localityId" reference="localities" link={false} />
        </DataTable.Col>
        <DataTable.Col source="status" render={() => <ReportStatusField />} />
        <DataTable.Col source="submittedAt" render={() => <LocalDateTimeField source="submittedAt" />} />
        <DataTable.Col source="decidedAt" render={() => <LocalDateTimeField source="decidedAt" />} />
        <DataTable.Col source="returnReason" disableSort />
      </DataTable>
    </List>
  );
}

export default ReportList;
