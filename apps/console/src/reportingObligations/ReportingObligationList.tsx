import { Typography } from "@mui/material";
import { AutocompleteInput, ChipField, DataTable, List, ReferenceArrayField, ReferenceField, ReferenceInput, SelectInput, SingleFieldList } from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { EnumField } from "../common/fields";
import { CHOICES } from "../enums";
import { excelExporter } from "../reports/exporter";
import { CollectiveNameField, DueField } from "./ReportingObligationShow";

const filters = [
  <ReferenceInput key="planId" source="planId" reference="plans" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <SelectInput key="frequency" source="frequency" choices={CHOICES.reportFrequency} alwaysOn sx={{ minWidth: 200 }} />,
];

/** The reporting duties of the plans in the user's area: who reports what, to whom, how often, by when. */
export function ReportingObligationList() {
  return (
    <List exporter={excelExporter} filters={filters} sort={{ field: "id", order: "ASC" }} empty={<EmptyState />}>
      <DataTable rowClick="show">
        <DataTable.Col source="planId">
          <ReferenceField source="planId" reference="plans" link={false} />
        </DataTable.Col>
        <DataTable.Col source="subjectVi" render={(r) => <Typography variant="body2" sx={{ maxWidth: 480 }}>{r.subjectVi as string}</Typography>} />
        <DataTable.Col source="reporterAgencyId" render={(r) => (r.reporterAgencyId ? <ReferenceField source="reporterAgencyId" reference="agencies" link={false} /> : <CollectiveNameField />)} />
        <DataTable.Col source="recipientAgencyId" render={() => (
          <>
            <ReferenceField source="recipientAgencyId" reference="agencies" link={false} emptyText="—" />
            <ReferenceArrayField source="furtherRecipientAgencyIds" reference="agencies">
              <SingleFieldList linkType={false}><ChipField source="nameVi" size="small" /></SingleFieldList>
            </ReferenceArrayField>
          </>
        )} />
        <DataTable.Col source="viaAgencyId" render={() => <ReferenceField source="viaAgencyId" reference="agencies" link={false} emptyText="—" />} />
        <DataTable.Col source="frequency" render={() => <EnumField source="frequency" enumName="reportFrequency" />} />
        <DataTable.Col source="dueMonthDay" disableSort render={() => <DueField />} />
      </DataTable>
    </List>
  );
}

export default ReportingObligationList;
