import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Address } from '../../api/orders';
import { RO_COUNTIES } from './counties';

export type AddressForm = Address;
export type AddressErrors = Partial<Record<keyof Address, string>>;

export const emptyAddress = (): AddressForm => ({
  first_name: '',
  last_name: '',
  company: '',
  email: '',
  phone: '',
  address_1: '',
  address_2: '',
  city: '',
  state: '',
  postcode: '',
  country: 'RO',
});

export const REQUIRED_ADDRESS_FIELDS: (keyof Address)[] = [
  'first_name',
  'last_name',
  'phone',
  'address_1',
  'city',
  'state',
  'country',
];

const COUNTY_OPTIONS = RO_COUNTIES.map(([code, name]) => ({
  value: code,
  label: `${name} (${code})`,
}));

interface Props {
  value: AddressForm;
  onChange: (next: AddressForm) => void;
  errors: AddressErrors;
  prefix: string;
  withEmail?: boolean;
}

export function AddressFields({ value, onChange, errors, prefix, withEmail = true }: Props) {
  const { t } = useTranslation();
  const field = (key: keyof Address, extra?: { type?: string; autoComplete?: string }) => (
    <TextInput
      label={t(`address.${key}`)}
      required={REQUIRED_ADDRESS_FIELDS.includes(key)}
      value={value[key]}
      error={errors[key]}
      onChange={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
      data-testid={`${prefix}-${key}`}
      maxLength={200}
      {...extra}
    />
  );
  const isRo = value.country.trim().toUpperCase() === 'RO';
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {field('first_name', { autoComplete: 'given-name' })}
      {field('last_name', { autoComplete: 'family-name' })}
      {field('phone', { type: 'tel', autoComplete: 'tel' })}
      {withEmail ? field('email', { type: 'email', autoComplete: 'email' }) : field('company')}
      {field('address_1', { autoComplete: 'address-line1' })}
      {field('address_2', { autoComplete: 'address-line2' })}
      {field('city', { autoComplete: 'address-level2' })}
      {isRo ? (
        <Select
          label={t('address.state')}
          required
          searchable
          data={COUNTY_OPTIONS}
          value={value.state || null}
          error={errors.state}
          onChange={(v) => onChange({ ...value, state: v ?? '' })}
          data-testid={`${prefix}-state`}
        />
      ) : (
        field('state')
      )}
      {field('postcode', { autoComplete: 'postal-code' })}
      {field('country', { autoComplete: 'country' })}
      {withEmail && field('company')}
    </SimpleGrid>
  );
}
