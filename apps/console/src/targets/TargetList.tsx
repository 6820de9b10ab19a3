import { AutocompleteInput, DataTable, List, NumberInput, ReferenceField, ReferenceInput, SearchInput, SelectInput } from "react-admin";
import { useShowCodes } from "../common/codes";
import { EmptyState } from "../common/EmptyState";
import { TargetValueField, YearField } from "../common/fields";
import { CHOICES } from "../enums";
import { excelExporter } from "../reports/exporter";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="planId" source="planId" reference="plans" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
  <ReferenceInput key="indicatorId" source="indicatorId" reference="indicators">
    <AutocompleteInput sx={{ minWidth: 300 }} />
  </ReferenceInput>,
  <SelectInput key="comparator" source="comparator" choices={CHOICES.comparator} />,
  <NumberInput key="targetYear" source="targetYear" step={1} />,
];

/** Targets of the plans of the user's area: filter by plan, indicator, comparator or year. */
export function TargetList() {
  const showCodes = useShowCodes();
  return (
    <List exporter={excelExporter} filters={filters} sort={{ field: "id", order: "ASC" }} perPage={25} empty={<EmptyState />}>
      <DataTable rowClick="edit">
        <DataTable.Col source="planId">
          <ReferenceField source="planId" reference="plans" link="show" />
        </DataTable.Col>
        <DataTable.Col source="indicatorId">
          <ReferenceField source="indicatorId" reference="indicators" link={false} />
        </DataTable.Col>
        <DataTable.Col source="value" label="resources.targets.fields.target" render={() => <TargetValueField />} />
        <DataTable.Col source="targetYear" render={() => <YearField source="targetYear" />} />
        {showCodes ? <DataTable.Col source="code" /> : null}
      </DataTable>
    </List>
  );
}

export default TargetList;
