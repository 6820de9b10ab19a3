import { AutocompleteInput, BooleanField, DataTable, List, NumberInput, ReferenceField, ReferenceInput } from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { LocalNumberField } from "../common/fields";
import { excelExporter } from "../reports/exporter";

const filters = [
  <ReferenceInput key="targetId" source="targetId" reference="targets" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  <NumberInput key="year" source="year" step={1} alwaysOn />,
];

/** Yearly milestones of the targets (the roadmap appendix of a plan). */
export function MilestoneList() {
  return (
    <List exporter={excelExporter} filters={filters} sort={{ field: "year", order: "ASC" }} perPage={25} empty={<EmptyState />}>
      <DataTable rowClick="edit">
        <DataTable.Col source="targetId">
          <ReferenceField source="targetId" reference="targets" link="edit" />
        </DataTable.Col>
        <DataTable.Col source="year" />
        <DataTable.Col source="value" align="right" render={() => <LocalNumberField source="value" />} />
        <DataTable.Col source="valueMax" align="right" render={() => <LocalNumberField source="valueMax" />} />
        <DataTable.Col source="isSynthetic" render={() => <BooleanField source="isSynthetic" />} />
        <DataTable.Col source="noteVi" />
      </DataTable>
    </List>
  );
}

export default MilestoneList;
