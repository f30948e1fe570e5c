import { useState } from 'react';
import { Box, Text } from 'ink';
import { ValidationError } from '../../../domain/errors.js';
import { normalizeCoupon, normalizeLicenseKey } from '../../../domain/license-key.js';
import type { SessionLogin } from '../../../licensing/session-monitor.js';
import { useMessages } from '../../../i18n/index.js';
import { Form, type FormValues } from '../../components/form/index.js';
import { useTheme } from '../../theme.js';
import { fitText } from '../../text-fit.js';
import { ErrorBlock } from './error-block.js';
import { sessionErrorText, type ErrorText } from './login-error.js';
import { wrapText } from '../../text-fit.js';

const KEY_SHAPE = 'MIKO-#####-#####-#####-#####';
const COUPON_SHAPE = 'MIKOUPD-#####-#####-#####-#####';

/** Upper case, no whitespace: how keys and coupons are compared (src/domain/license-key.ts). */
const squeeze = (input: string) => input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** Could typing on still make this a key or a coupon? Then it is not wrong yet, only unfinished. */
function couldBecome(value: string, shape: string): boolean {
  if (value.length > shape.length) return false;
  return [...value].every((char, i) => (shape[i] === '#' ? /[A-Z0-9]/.test(char) : shape[i] === char));
}

/** A coupon when it says so, else a key: the same choice `sessionCredential` makes. */
export function loginOf(input: string): SessionLogin | undefined {
  const value = squeeze(input);
  if (value === '') return undefined;
  return value.startsWith('MIKOUPD') ? { coupon: value } : { key: value };
}

export interface LoginFormProps {
  width: number;
  /** This PBX has no key of its own: the field is required, and the screen says where to register. */
  noKey: boolean;
  /** Esc: back to the bindings (or, without a key, to the page that says where to register). */
  onCancel: () => void;
  /** Check the login with the service; rejects with what it refused. */
  logIn: (login: SessionLogin | undefined) => Promise<void>;
}

/** Log in with another key, a coupon activated on a key, or (empty) this PBX's own key. */
export function LoginForm({ width, noKey, onCancel, logIn }: LoginFormProps) {
  const theme = useTheme();
  const m = useMessages().screens.sessions;
  const f = m.loginForm;
  const [failure, setFailure] = useState<ErrorText | undefined>(undefined);
  const { ellipsis } = theme.symbols;

  const validate = (values: FormValues) => {
    const value = squeeze(values.credential ?? '');
    if (value === '') return { credential: noKey ? f.required : undefined };
    if (couldBecome(value, KEY_SHAPE) || couldBecome(value, COUPON_SHAPE)) return {};
    try {
      if (value.startsWith('MIKOUPD')) normalizeCoupon(value);
      else normalizeLicenseKey(value);
      return {};
    } catch (error) {
      return { credential: error instanceof ValidationError ? error.message : String(error) };
    }
  };

  const submit = async (values: FormValues) => {
    setFailure(undefined);
    try {
      await logIn(loginOf(values.credential ?? ''));
    } catch (error) {
      setFailure(sessionErrorText(error, m));
    }
  };

  const intro = noKey ? f.noKey : f.intro;
  return (
    <Box flexDirection="column" width={width}>
      <Text {...theme.text.heading}>{fitText(f.title, width, ellipsis)}</Text>
      {wrapText(intro, width).map((line, i) => (
        <Text key={i} {...theme.text.muted}>
          {fitText(line, width, ellipsis)}
        </Text>
      ))}
      <Text> </Text>
      <Form
        fields={[{ name: 'credential', label: f.field, mask: true, placeholder: f.placeholder, hint: noKey ? f.hintFormat : f.hintOwnKey }]}
        validate={validate}
        onSubmit={submit}
        onCancel={onCancel}
        submitLabel={f.submit}
        width={width}
      />
      {failure ? <ErrorBlock error={failure} width={width} maxLines={5} /> : null}
    </Box>
  );
}
