import { useMessages } from '../../../i18n/index.js';
import { maskLicenseKey } from '../../../domain/license-key.js';
import { registrationProblems } from '../../../domain/registration.js';
import { activateCoupon, registerPbx, setLicenseKey, type KeySaved } from '../../../licensing/marketplace-registration.js';
import { usePbx } from '../../console-context.js';
import { ActionForm } from './action-form.js';

interface FormViewProps {
  width: number;
  height: number;
  isActive: boolean;
  onCancel: () => void;
  onError: (error: unknown) => void;
}

/** The marketplace registration form (SPEC §2), validated as it is typed. */
export function RegistrationForm({ onDone, ...props }: FormViewProps & { onDone: (saved: KeySaved, message: string) => void }) {
  const pbx = usePbx();
  const t = useMessages().screens.marketplace.registerForm;
  return (
    <ActionForm
      {...props}
      title={t.title}
      intro={t.intro}
      fields={[
        { name: 'company', label: t.company, hint: t.companyHint },
        { name: 'email', label: t.email, hint: t.emailHint },
        { name: 'contact', label: t.contact, hint: t.contactHint },
        { name: 'phone', label: t.phone, hint: t.phoneHint },
        { name: 'inn', label: t.inn, hint: t.innHint },
      ]}
      validate={(values) => registrationProblems(values)}
      submitLabel={t.submit}
      onSubmit={async (values) => {
        const saved = await registerPbx(pbx, { company: values.company ?? '', email: values.email ?? '', contact: values.contact ?? '', phone: values.phone, inn: values.inn });
        onDone(saved, t.done(maskLicenseKey(saved.key)));
      }}
    />
  );
}

/** "I have a key": normalised, checked with the service, then saved. Typing is masked. */
export function KeyForm({ onDone, ...props }: FormViewProps & { onDone: (saved: KeySaved, message: string) => void }) {
  const pbx = usePbx();
  const t = useMessages().screens.marketplace.keyForm;
  return (
    <ActionForm
      {...props}
      title={t.title}
      intro={t.intro}
      fields={[{ name: 'key', label: t.key, mask: true, hint: t.hint }]}
      submitLabel={t.submit}
      onSubmit={async (values) => {
        const saved = await setLicenseKey(pbx, values.key ?? '');
        onDone(saved, t.done(maskLicenseKey(saved.key)));
      }}
    />
  );
}

/** Activate a coupon on the saved key. */
export function CouponForm({ onDone, ...props }: FormViewProps & { onDone: (message: string) => void }) {
  const pbx = usePbx();
  const t = useMessages().screens.marketplace.couponForm;
  return (
    <ActionForm
      {...props}
      title={t.title}
      intro={t.intro}
      fields={[{ name: 'coupon', label: t.coupon, hint: t.hint }]}
      submitLabel={t.submit}
      onSubmit={async (values) => {
        await activateCoupon(pbx, values.coupon ?? '');
        onDone(t.done);
      }}
    />
  );
}
