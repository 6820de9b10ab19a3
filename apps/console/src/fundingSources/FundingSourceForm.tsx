import { AutocompleteInput, NumberInput, ReferenceInput, required, SelectInput, SimpleForm, TextInput } from "react-admin";
import { AppCreate, AppEdit, EditForm } from "../common/pages";
import { CHOICES } from "../enums";

function FundingFields() {
  return (
    <>
      <ReferenceInput source="planId" reference="plans">
        <AutocompleteInput validate={required()} />
      </ReferenceInput>
      <SelectInput source="kind" choices={CHOICES.fundingKind} validate={required()} />
      <TextInput source="descriptionVi" multiline minRows={2} fullWidth validate={required()} />
      <NumberInput source="sortOrder" step={1} />
    </>
  );
}

const backToPlan = (_resource?: string, _id?: unknown, data?: Record<string, unknown>) =>
  data?.planId ? `plans/${String(data.planId)}/show/funding` : "fundingSources";

export const FundingSourceEdit = () => (
  <AppEdit redirect={backToPlan}>
    <EditForm>
      <FundingFields />
    </EditForm>
  </AppEdit>
);

export const FundingSourceCreate = () => (
  <AppCreate redirect={backToPlan}>
    <SimpleForm defaultValues={{ sortOrder: 0 }}>
      <FundingFields />
    </SimpleForm>
  </AppCreate>
);
