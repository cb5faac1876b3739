export interface SetupForm {
  account_name: string;
  name: string;
  email: string;
  password: string;
}

export const EMPTY: SetupForm = { account_name: '', name: '', email: '', password: '' };

/**
 * Every field that is wrong, each with its i18n key, so that submitting an empty form flags
 * all of them at once (it used to flag only the password).
 */
export function validateSetup(form: SetupForm): Partial<Record<keyof SetupForm, string>> {
  const out: Partial<Record<keyof SetupForm, string>> = {};
  if (!form.account_name.trim()) out.account_name = 'setup.required';
  if (!form.name.trim()) out.name = 'setup.required';
  if (!form.email.trim()) out.email = 'setup.required';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.email.trim())) out.email = 'setup.emailInvalid';
  if (form.password.length === 0) out.password = 'setup.required';
  else if (form.password.length < 8) out.password = 'setup.passwordTooShort';
  return out;
}
