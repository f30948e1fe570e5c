import type { ErrorText } from '../../en/errors.js';
import type { KeyProblem, RegistrationFieldName, licensing as English } from '../../en/errors/licensing.js';

const MONITOR = 'Монитор сессий (экран 4 консоли или `pbxmod sessions list` / `pbxmod sessions drop ХОСТ`)';

/**
 * A license code in the vendor's Russian wording (the licensing guide's explanations of 2051
 * and 2008), each with what to do. The service's own sentence is English: the code's words
 * here say the same thing, so it is not repeated.
 */
function licenseCode(code: number, meaning: string, hint: string) {
  return (_p: { serviceMessage?: string }): ErrorText => ({ message: `Ошибка лицензии ${code}: ${meaning}`, hint });
}

const connectionCauses: Record<string, string> = {
  timeout: 'нет ответа за отведённое время',
  refused: 'в соединении отказано',
  host_not_found: 'имя хоста не найдено',
  reset: 'соединение сброшено',
};

function answerShape(p: { path: string; shape: string; sample?: string; status?: number }): string {
  switch (p.shape) {
    case 'empty': return `${p.path} ответил пустым телом`;
    case 'text': return `${p.path} ответил текстом вместо JSON («${p.sample ?? ''}»)`;
    case 'no_error_body': return `HTTP ${p.status ?? '?'} без описания ошибки`;
    default: return `${p.path} ответил JSON другого вида`;
  }
}

/** The service's own codes in words: its sentence is English, these say it in Russian. */
const serviceRefusals: Record<string, Required<ErrorText>> = {
  too_many_attempts: {
    message: 'Сервис лицензирования временно не принимает запросы с этого адреса: слишком много неудачных попыток.',
    hint: 'Подождите минуту, проверьте ключ или купон и попробуйте снова.',
  },
  not_found: { message: 'Сервис лицензирования не нашёл запрошенное.', hint: 'Проверьте имя и попробуйте снова.' },
  unauthorized: {
    message: 'Сервис лицензирования не принял токен оператора.',
    hint: 'Укажите токен сервиса: PBXMOD_SERVICE_TOKEN=... или --token-file ФАЙЛ (файл operator-token в каталоге данных сервиса).',
  },
  payload_too_large: { message: 'Запрос слишком велик для сервиса лицензирования.', hint: 'Сократите данные запроса и попробуйте снова.' },
  host_taken: { message: 'Этот хост уже занят другой привязкой.', hint: `Освободите его в разделе ${MONITOR}.` },
  link_expired: { message: 'Ссылка на загрузку модуля устарела.', hint: 'Запустите установку снова: будет получена новая ссылка.' },
  link_invalid: { message: 'Ссылка на загрузку модуля недействительна.', hint: 'Запустите установку снова: будет получена новая ссылка.' },
  service_unavailable: { message: 'Сервис лицензирования сейчас не может ответить.', hint: 'Повторите через минуту.' },
  internal_error: { message: 'Сервис лицензирования не смог обработать запрос.', hint: 'Повторите позже; если ошибка повторяется, сообщите администратору сервиса.' },
};

const fieldLabels: Record<RegistrationFieldName, string> = {
  company: 'Название компании',
  email: 'Контактный email',
  contact: 'Контактное лицо',
  phone: 'Телефон',
  inn: 'Идентификатор компании (ИНН)',
};

const fixField = 'Исправьте поле и отправьте форму снова.';

function explainCode(kind: 'key' | 'coupon', p: KeyProblem): string {
  const noun = kind === 'key' ? 'Лицензионный ключ' : 'Купон';
  if (p.problem === 'empty') return `${noun} пуст.`;
  const example = `${p.prefix}-XXXXX-XXXXX-XXXXX-XXXXX`;
  switch (p.problem) {
    case 'prefix': return `${noun} начинается с «${p.prefix}-»; указано «${p.start}».`;
    case 'groups': return `После «${p.prefix}-» идут 4 группы; указано ${p.groups}. Ожидается ${example}.`;
    case 'group_length': return `В группе ${p.group} символов: ${p.length}; в каждой группе их 5. Ожидается ${example}.`;
    case 'character': return `Символ «${p.char}» недопустим: только латинские буквы A-Z и цифры 0-9. Ожидается ${example}.`;
    default: return `Ожидается ${example}.`;
  }
}

/** Errors of the licensing client, in Russian. */
export const licensing: typeof English = {
  license_2008: licenseCode(
    2008,
    'нет нужной лицензии или она привязана к другому хосту (нет свободного места для фичи).',
    `Лицензия «привязана» к другому хосту / серверу. Сначала сбросьте активные привязки лицензии — ${MONITOR}, затем повторите активацию.`,
  ),
  license_2009: licenseCode(2009, 'ошибка лицензионного ключа.', 'Проверьте ключ (`pbxmod license show`) и при необходимости сохраните его снова: `pbxmod license set-key`.'),
  license_2011: licenseCode(2011, 'срок лицензии модуля истёк.', `Продлите лицензию (купон: \`pbxmod license coupon КОД\`); привязки лицензий — ${MONITOR}.`),
  license_2022: licenseCode(
    2022,
    'на этот email уже выдан лицензионный ключ для другой компании.',
    'При регистрации укажите email, который ранее не указывали, или сохраните уже выданный ключ: `pbxmod license set-key`.',
  ),
  license_2026: licenseCode(2026, 'ошибка в лицензионном ключе: ключ неизвестен или введён неверно.', 'Проверьте ключ в письме от lic@miko.ru и введите его снова.'),
  license_2037: licenseCode(
    2037,
    'ошибка в регистрационном номере: для купона нужен действующий лицензионный ключ.',
    'Активация купона возможна, если активирован регистрационный номер: сначала сохраните лицензионный ключ (`pbxmod license set-key`), затем активируйте купон.',
  ),
  license_2040: licenseCode(
    2040,
    'такого купона нет.',
    'Проверьте код купона (формат MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX) и введите его снова; если код верен, обратитесь к тому, кто выдал купон.',
  ),
  license_2041: licenseCode(2041, 'купон уже активирован.', 'Купон активируется один раз — повторно активировать его не нужно. Лицензия купона уже в ключе: `pbxmod license show`.'),
  license_2051: licenseCode(
    2051,
    'на этом хосте уже получен пробный ключ для другого email или компании.',
    'Вы уже проходили регистрацию или уже имеете регистрационный номер MIKO-XXXXX-XXXXX-XXXXX-XXXXX. Сохраните имеющийся ключ (`pbxmod license set-key`) или пройдите регистрацию с ПК, где её ранее не проходили, указав email, который ранее не указывали.',
  ),
  license_2057: licenseCode(2057, 'купон заблокирован.', 'Обратитесь к тому, кто выдал купон, за новым купоном.'),

  no_connection: (p) => ({
    message: `Нет связи с сервисом лицензирования ${p.url} (${connectionCauses[p.cause] ?? p.cause}).`,
    hint: 'Проверьте сеть и адрес сервиса (--api / PBXMOD_API_URL); диагностика в консоли проверит DNS, TCP, TLS и HTTP (`pbxmod license diagnose`).',
  }),
  unexpected_response: (p) => ({
    message: `Неожиданный ответ сервиса лицензирования ${p.url}: ${answerShape(p)}.`,
    hint: 'Проверьте, что адрес указывает на сервис лицензирования pbxmod и что обе стороны одной версии.',
  }),
  service_refused: (p) =>
    serviceRefusals[p.code] ?? {
      message: `Сервис лицензирования отклонил запрос: «${p.serviceMessage}».`,
      hint: 'Исправьте запрос и повторите.',
    },
  key_sent: (p) => ({
    message: `Для ${p.email} уже есть лицензионный ключ: сервис отправил его на этот адрес.`,
    hint: `Найдите ключ в почте ${p.email} и сохраните его: \`pbxmod license set-key\` (в консоли: экран 1, «Ввести ключ»).`,
  }),
  no_license_key: (p) => ({
    message: `${p.what === 'sessions' ? 'Монитору сессий' : 'Для активации купона'} нужен лицензионный ключ, а на этой АТС его нет.`,
    hint: 'Зарегистрируйтесь: `pbxmod license register ...` или сохраните ключ: `pbxmod license set-key КЛЮЧ` (в консоли: экран 1).',
  }),
  already_registered: (p) => ({
    message: `Эта АТС уже зарегистрирована (ключ ${p.key}).`,
    hint: 'Чтобы зарегистрироваться заново, сначала сбросьте ключ: `pbxmod license reset`.',
  }),
  bindings_not_released: (p) => ({ message: `Привязки этого хоста не освобождены (${p.detail}); они истекут в течение 10 минут.` }),
  seat_not_captured: (p) => ({ message: `Ключ сохранён, но эта АТС не смогла занять фичу ${p.featureId}: ${p.problem} ${p.hint}`.trim() }),
  no_key_to_reset: () => ({ message: 'На этой АТС нет лицензионного ключа, который можно сбросить.', hint: 'Делать ничего не нужно.' }),

  key_is_coupon: () => ({ message: 'Это купон, а не лицензионный ключ.', hint: 'Активируйте его командой `pbxmod license coupon КОД` после сохранения ключа.' }),
  coupon_is_key: () => ({ message: 'Это лицензионный ключ, а не купон.', hint: 'Сохраните его: `pbxmod license set-key КЛЮЧ`.' }),
  key_malformed: (p) => ({ message: `Неверный лицензионный ключ. ${explainCode('key', p)}`, hint: 'Проверьте ключ в письме от lic@miko.ru и введите его снова.' }),
  coupon_malformed: (p) => ({ message: `Неверный купон. ${explainCode('coupon', p)}`, hint: 'Проверьте купон и введите его снова.' }),

  login_key_and_coupon: () => ({ message: 'Войдите по ключу или по купону, но не по обоим сразу.', hint: 'Укажите только --key или только --coupon.' }),
  binding_not_found: (p) => ({
    message: `Нет действующей привязки с id ${p.bindingId}.`,
    hint: 'Посмотрите привязки: `pbxmod sessions list`; возможно, она уже истекла.',
  }),
  drop_host_missing: () => ({ message: 'Укажите хост, привязки которого нужно сбросить.', hint: 'Укажите имя или id хоста из `pbxmod sessions list`.' }),
  drop_host_unknown: (p) => ({
    message: `Хост «${p.host}» не держит привязок этого ключа (сейчас хосты: ${p.known.join(', ') || 'нет'}).`,
    hint: 'Проверьте имя: `pbxmod sessions list`; привязка, не обновлявшаяся 10 минут, истекает сама.',
  }),
  drop_host_ambiguous: (p) => ({
    message: `Хостов с именем «${p.host}»: ${p.hostIds.length}.`,
    hint: `Укажите вместо имени id хоста: ${p.hostIds.join(', ')}.`,
  }),

  token_file_unreadable: (p) => ({
    message: `Не удалось прочитать ${p.embedded ? 'файл токена встроенного сервиса' : 'файл токена'} ${p.file}: ${p.detail}.`,
    hint: 'Проверьте путь; сервис записывает свой токен в файл operator-token в своём каталоге данных при первом запуске.',
  }),
  token_file_empty: (p) => ({
    message: `${p.embedded ? 'Файл токена встроенного сервиса' : 'Файл токена'} ${p.file} пуст.`,
    hint: 'Запишите в него токен сервиса.',
  }),
  token_needed: (p) => ({
    message: `Для команд оператора сервису лицензирования ${p.url} нужен его токен.`,
    hint: 'Задайте PBXMOD_SERVICE_TOKEN или укажите --token-file ФАЙЛ (файл operator-token в каталоге данных сервиса).',
  }),

  registration_required: (p) => ({ message: `${fieldLabels[p.field]}: обязательное поле.`, hint: fixField }),
  registration_too_long: (p) => ({ message: `${fieldLabels[p.field]}: не длиннее ${p.max} символов.`, hint: fixField }),
  registration_email_invalid: () => ({ message: 'Контактный email не похож на адрес почты (ожидается name@example.com).', hint: fixField }),
  registration_phone_invalid: () => ({ message: 'Телефон может содержать только цифры, пробелы, «+», «-» и скобки (например, +7 495 123-45-67).', hint: fixField }),
  registration_inn_invalid: () => ({ message: 'Идентификатор компании — от 10 до 12 цифр (ИНН или другой налоговый номер).', hint: fixField }),
};
