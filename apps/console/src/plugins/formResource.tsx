/**
 * The react-admin pages of a plugin form (`pluginForms.<pluginId>.<formId>`): a list, a create and an edit page,
 * rendered from the form's declaration — or the plugin's own components when it overrides them.
 */
import type { ComponentType } from "react";
import {
  AutocompleteInput,
  Create,
  Datagrid,
  Edit,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  ReferenceField,
  ReferenceInput,
  required,
  SimpleForm,
  TextField,
} from "react-admin";
import { describeFields, type AnyForm } from "@eduplan/plugin-sdk";
import { formResourceName, type AdminPlugin } from "@eduplan/plugin-sdk/admin";
import { useUiLocale } from "../common/locale";
import { defaultValuesOf, ZodFormInputs } from "./ZodForm";

function LocalityAndYear({ form }: { form: AnyForm }) {
  const { locale } = useUiLocale();
  return (
    <>
      <ReferenceInput source="localityId" reference="localities" filter={{ levelCode: [...form.levels] }} sort={{ field: "nameVi", order: "ASC" }}>
        <AutocompleteInput optionText="nameVi" label={locale === "en" ? "Locality" : "Đơn vị"} validate={required()} />
      </ReferenceInput>
      {form.year.from === "input" ? <NumberInput source="year" label={locale === "en" ? "Year" : "Năm"} step={1} validate={required()} /> : null}
    </>
  );
}

function RecordList({ form }: { form: AnyForm }) {
  const { locale } = useUiLocale();
  const fields = describeFields(form);
  const shown = (form.listFields?.length ? form.listFields : fields.slice(0, 4).map((f) => f.name)).map((n) => fields.find((f) => f.name === n)!).filter(Boolean);
  return (
    <List sort={{ field: "id", order: "DESC" }} title={form.name[locale]} empty={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <ReferenceField source="localityId" reference="localities" label={locale === "en" ? "Locality" : "Đơn vị"} link={false}>
          <TextField source="nameVi" />
        </ReferenceField>
        <NumberField source="year" label={locale === "en" ? "Year" : "Năm"} options={{ useGrouping: false }} />
        {shown.map((f) =>
          f.widget === "reference" && f.hint.reference ? (
            <ReferenceField key={f.name} source={`data.${f.name}`} reference={f.hint.reference.resource} label={f.hint.label[locale]} link={false}>
              <TextField source={f.hint.reference.optionText} />
            </ReferenceField>
          ) : (
            <FunctionField
              key={f.name}
              label={f.hint.label[locale]}
              render={(record: { data?: Record<string, unknown> }) => {
                const v = record.data?.[f.name];
                if (typeof v === "boolean") return v ? "✓" : "—";
                const choice = f.choices?.find((c) => c.id === v);
                return choice ? choice.name[locale] : v === undefined || v === null ? "" : String(v);
              }}
            />
          ),
        )}
      </Datagrid>
    </List>
  );
}

function RecordCreate({ form }: { form: AnyForm }) {
  const { locale } = useUiLocale();
  return (
    <Create redirect="list" title={form.name[locale]}>
      <SimpleForm defaultValues={defaultValuesOf(form)}>
        <LocalityAndYear form={form} />
        <ZodFormInputs form={form} />
      </SimpleForm>
    </Create>
  );
}

function RecordEdit({ form }: { form: AnyForm }) {
  const { locale } = useUiLocale();
  return (
    <Edit redirect="list" mutationMode="pessimistic" title={form.name[locale]}>
      <SimpleForm>
        <LocalityAndYear form={form} />
        <ZodFormInputs form={form} />
      </SimpleForm>
    </Edit>
  );
}

export type FormResource = { name: string; list: ComponentType; create: ComponentType; edit: ComponentType; label: { vi: string; en: string } };

/** The resource of each form of a plugin. */
export function formResourcesOf(plugin: AdminPlugin): FormResource[] {
  return Object.values(plugin.forms ?? {}).map((form) => {
    const override = plugin.formOverrides?.[form.id];
    return {
      name: formResourceName(plugin.id, form.id),
      label: form.name,
      list: override?.list ?? (() => <RecordList form={form} />),
      create: override?.create ?? (() => <RecordCreate form={form} />),
      edit: override?.edit ?? (() => <RecordEdit form={form} />),
    };
  });
}
