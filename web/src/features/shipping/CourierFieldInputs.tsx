import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CourierInfo } from '../../api/shipping-settings';

type Field = CourierInfo['credential_fields'][number];

/**
 * The login fields a courier asks for, built from its `credential_fields`: secrets in password
 * boxes. When editing, a stored field shows "stored — leave empty to keep it" instead of a value
 * (the secret never comes back from the server).
 */
export function CourierFieldInputs({
  fields,
  values,
  stored = [],
  onChange,
}: {
  fields: readonly Field[];
  values: Record<string, string>;
  stored?: readonly string[];
  onChange: (values: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {fields.map((f) => {
        const props = {
          label: t(`courier_fields.${f.key}`, { defaultValue: f.key }),
          required: f.required && !stored.includes(f.key),
          value: values[f.key] ?? '',
          placeholder: stored.includes(f.key) ? t('shippingSettings.accounts.keepSecret') : '',
          onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
            onChange({ ...values, [f.key]: e.currentTarget.value }),
          'data-testid': `courier-field-${f.key}`,
        };
        return f.secret ? (
          <PasswordInput key={f.key} {...props} autoComplete="new-password" />
        ) : (
          <TextInput key={f.key} {...props} autoComplete="off" />
        );
      })}
    </>
  );
}
