import { Chip, Typography } from "@mui/material";
import { useShowCodes } from "../common/codes";
import EventAvailable from "@mui/icons-material/EventAvailable";
import {
  AutocompleteInput,
  ChipField,
  CreateButton,
  ExportButton,
  FilterButton,
  TopToolbar,
  DataTable,
  List,
  NumberInput,
  ReferenceArrayField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SingleFieldList,
  useListContext,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { EnumField } from "../common/fields";
import { localName, useUiLocale } from "../common/locale";
import { CHOICES } from "../enums";
import { formatTiming } from "../format";
import { excelExporter } from "../reports/exporter";

const THIS_YEAR = new Date().getFullYear();

/** One click for "this year's work": toggles the `dueYear` filter (answered by the API's `progress.tasksDue`). */
function DueThisYearButton() {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const on = Number(filterValues?.dueYear) === THIS_YEAR;
  return (
    <Chip
      icon={<EventAvailable />}
      color="primary"
      variant={on ? "filled" : "outlined"}
      label={translate("eduplan.tasks.dueThisYear", { year: THIS_YEAR })}
      onClick={() => {
        const { dueYear: _drop, ...rest } = filterValues ?? {};
        setFilters(on ? rest : { ...rest, dueYear: THIS_YEAR }, displayedFilters);
      }}
      data-testid="due-this-year"
      sx={{ mr: 1 }}
    />
  );
}

const Actions = () => (
  <TopToolbar sx={{ alignItems: "center" }}>
    <DueThisYearButton />
    <FilterButton />
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="dueYear" source="dueYear" step={1} />,
  <ReferenceInput key="agencyId" source="agencyId" reference="agencies" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="agencyRole" source="agencyRole" choices={CHOICES.agencyRole} />,
  <SelectInput key="status" source="status" choices={CHOICES.taskStatus} alwaysOn />,
  <ReferenceInput key="planId" source="planId" reference="plans">
    <AutocompleteInput sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

function Title() {
  const record = useRecordContext();
  const { locale } = useUiLocale();
  if (!record) return null;
  return <Typography variant="body2" sx={{ maxWidth: 520 }}>{localName(record, locale, "title")}</Typography>;
}

function Timing() {
  const record = useRecordContext();
  const { locale } = useUiLocale();
  return <Typography variant="body2" sx={{ maxWidth: 220 }}>{formatTiming(record?.timing, locale) || "—"}</Typography>;
}

function TasksEmpty() {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const filtered = Object.keys(filterValues ?? {}).length > 0;
  return <EmptyState message={filtered ? translate("resources.tasks.emptyFiltered") : undefined} />;
}

/**
 * Tasks of the plans of the user's area. Filter by agency (as lead or coordinator), by status, and by what is due
 * in a year (all timing kinds: a year, yearly, a period, a school year, an event that occurred…) — "this year's
 * work" in one click.
 */
export function TaskList() {
  const showCodes = useShowCodes();
  return (
    <List exporter={excelExporter} filters={filters} actions={<Actions />} sort={{ field: "code", order: "ASC" }} perPage={25} empty={<TasksEmpty />}>
      <DataTable rowClick="edit" empty={<TasksEmpty />}>
        {showCodes ? <DataTable.Col source="code" /> : null}
        <DataTable.Col source="titleVi" render={() => <Title />} />
        <DataTable.Col source="timing" disableSort render={() => <Timing />} />
        <DataTable.Col source="status" render={() => <EnumField source="status" enumName="taskStatus" chip />} />
        <DataTable.Col source="leadAgencyIds" disableSort>
          <ReferenceArrayField source="leadAgencyIds" reference="agencies">
            <SingleFieldList linkType={false}>
              <ChipField source="shortName" emptyText="…" size="small" />
            </SingleFieldList>
          </ReferenceArrayField>
        </DataTable.Col>
        <DataTable.Col source="planId">
          <ReferenceField source="planId" reference="plans" link="show" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
}

export default TaskList;
