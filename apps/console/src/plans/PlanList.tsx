import { AutocompleteInput, DataTable, List, ReferenceField, ReferenceInput, SearchInput, SelectInput, useRecordContext } from "react-admin";
import { Typography } from "@mui/material";
import { EmptyState } from "../common/EmptyState";
import { EnumField, LocalDateField } from "../common/fields";
import { localName, useUiLocale } from "../common/locale";
import { CHOICES } from "../enums";
import { excelExporter } from "../reports/exporter";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="localityId" source="localityId" reference="localities" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <SelectInput key="documentKind" source="documentKind" choices={CHOICES.documentKind} />,
  <SelectInput key="status" source="status" choices={CHOICES.planStatus} />,
];

function Title() {
  const record = useRecordContext();
  const { locale } = useUiLocale();
  if (!record) return null;
  return (
    <Typography variant="body2" sx={{ display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical", overflow: "hidden", maxWidth: 640 }}>
      {localName(record, locale, "title")}
    </Typography>
  );
}

function Period() {
  const record = useRecordContext();
  if (!record) return null;
  const { periodStart, periodEnd } = record as { periodStart?: number | null; periodEnd?: number | null };
  return <span>{periodStart || periodEnd ? `${periodStart ?? "…"}–${periodEnd ?? "…"}` : "—"}</span>;
}

/** Plans of the user's area, newest first. */
export function PlanList() {
  return (
    <List exporter={excelExporter} filters={filters} sort={{ field: "issuedOn", order: "DESC" }} empty={<EmptyState />}>
      <DataTable rowClick="show">
        <DataTable.Col source="number" render={(r) => <span style={{ whiteSpace: "nowrap" }}>{(r.number as string) || "—"}</span>} />
        <DataTable.Col source="documentKind" render={() => <EnumField source="documentKind" enumName="documentKind" />} />
        <DataTable.Col source="titleVi" render={() => <Title />} />
        <DataTable.Col source="localityId">
          <ReferenceField source="localityId" reference="localities" link="show" />
        </DataTable.Col>
        <DataTable.Col source="issuedOn" render={() => <LocalDateField source="issuedOn" />} />
        <DataTable.Col source="period" label="resources.plans.fields.period" disableSort render={() => <Period />} />
        <DataTable.Col source="status" render={() => <EnumField source="status" enumName="planStatus" chip />} />
      </DataTable>
    </List>
  );
}

export default PlanList;
