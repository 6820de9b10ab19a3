import AccountTree from "@mui/icons-material/AccountTree";
import { IconButton, Tooltip } from "@mui/material";
import {
  AutocompleteInput,
  BooleanField,
  CreateButton,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useListContext,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { EmptyState } from "../common/EmptyState";
import { LevelField, LocalNumberField, LocalNameField, useLevelChoices } from "../common/fields";
import { excelExporter } from "../reports/exporter";

function LevelFilter(props: { source: string; alwaysOn?: boolean }) {
  const choices = useLevelChoices("localityLevels");
  return <SelectInput {...props} choices={choices} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <LevelFilter key="levelCode" source="levelCode" alwaysOn />,
  <ReferenceInput key="parentId" source="parentId" reference="localities" alwaysOn>
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
];

/** Narrows the list to the localities directly below a row's locality: browsing the tree one level at a time. */
function ChildrenButton() {
  const record = useRecordContext();
  const { setFilters, filterValues } = useListContext();
  const translate = useTranslate();
  if (!record) return null;
  const label = translate("eduplan.localities.showChildren");
  return (
    <Tooltip title={label}>
      <IconButton
        size="small"
        aria-label={label}
        onClick={(event) => {
          event.stopPropagation();
          setFilters({ ...filterValues, parentId: record.id, levelCode: undefined, q: undefined }, {});
        }}
      >
        <AccountTree fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton />
    <ExportButton />
  </TopToolbar>
);

/**
 * Localities as a tree: each row names the locality it belongs to; filter by parent (or press "localities below"
 * on a row) to walk down the tree, by level to see every commune.
 */
export function LocalityList() {
  return (
    <List exporter={excelExporter} filters={filters} actions={<Actions />} sort={{ field: "nameVi", order: "ASC" }} perPage={25} empty={<EmptyState />}>
      <DataTable rowClick="show">
        <DataTable.Col source="nameVi" field={LocalNameField} />
        <DataTable.Col source="levelCode" render={() => <LevelField source="levelCode" resource="localityLevels" />} />
        <DataTable.Col source="parentId">
          <ReferenceField source="parentId" reference="localities" link="show" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="code" />
        <DataTable.Col source="population" align="right" render={() => <LocalNumberField source="population" />} />
        <DataTable.Col source="isMountainous" render={() => <BooleanField source="isMountainous" looseValue />} />
        <DataTable.Col label={false} disableSort render={() => <ChildrenButton />} />
      </DataTable>
    </List>
  );
}

export default LocalityList;
