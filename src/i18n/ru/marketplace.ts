/** Texts of the marketplace screen, in Russian (see ../en.ts for the conventions). */
import type { marketplace as English } from '../en/marketplace.js';
import { pluralForm } from '../plural.js';

const days = (n: number) => pluralForm('ru', n, { one: 'день', few: 'дня', many: 'дней', other: 'дня' });

export const marketplace: typeof English = {
  title: 'Маркетплейс и лицензия',
  shortTitle: 'Маркетплейс',

  loading: 'Чтение лицензии с сервера лицензирования',

  unregistered: {
    title: 'Эта АТС не зарегистрирована в маркетплейсе модулей.',
    explain:
      'При регистрации выдаётся лицензионный ключ и пробная лицензия MikoPBX на 30 дней; он нужен для платных модулей и маркетплейса. ' +
      'Всё, что не требует лицензии, работает и без него.',
    register: 'зарегистрировать АТС (организация, почта, контакт)',
    haveKey: 'у меня уже есть лицензионный ключ',
  },

  license: {
    key: 'Лицензионный ключ',
    /** After the masked key: which keys reveal and copy it ("r", "c"). */
    revealHint: (reveal: string, copy: string) => `${reveal} показывает, ${copy} копирует`,
    hideHint: (reveal: string, copy: string) => `${reveal} скрывает, ${copy} копирует`,
    owner: 'Владелец',
    contact: 'Контактное лицо',
    phone: 'Телефон',
    taxId: 'ИНН',
    products: 'Продукты',
    noProducts: 'Этот ключ пока не лицензирует ни одного продукта.',
    stale: 'По последнему ответу сервера лицензирования:',
    /** "1 лицензия на MikoPBX free license (33), занято 1". */
    featureSeats: (count: number, name: string, featureId: number, occupied: number) =>
      `${count} ${pluralForm('ru', count, { one: 'лицензия', few: 'лицензии', many: 'лицензий', other: 'лицензии' })} на ${name} (${featureId}), занято ${occupied}`,
    /** "пробная, до 22.12.2026 (осталось 30 дней)". */
    productTerm: (trial: boolean, date: string, daysLeft: number) =>
      `${trial ? 'пробная, ' : ''}до ${date} (${pluralForm('ru', daysLeft, { one: 'остался', few: 'осталось', many: 'осталось', other: 'осталось' })} ${daysLeft} ${days(daysLeft)})`,
    /** "ИСТЕКЛА 01.10.2026". */
    productExpired: (trial: boolean, date: string) => `${trial ? 'пробная, ' : ''}ИСТЕКЛА ${date}`,
    refused: 'Сервер лицензирования отклонил сохранённый ключ.',
    refusedHint: 'x сбрасывает ключ, чтобы зарегистрироваться заново или ввести другой; u пробует ещё раз.',
    /** Under a store that cannot be read: no key to reset, so no x. */
    storeBrokenHint: 'Когда файл хранилища исправлен или убран, u перечитывает его.',
    scroll: (from: number, to: number, total: number) => `строки ${from}-${to} из ${total}; стрелки прокручивают`,
  },

  offline: {
    banner: (url: string) => `Нет доступа к серверу лицензирования ${url}`,
    hint: 'd запускает диагностику соединения (DNS, TCP, TLS, HTTP); u пробует ещё раз.',
  },

  registerForm: {
    title: 'Регистрация этой АТС в маркетплейсе модулей',
    intro: 'Сервер лицензирования выдаёт лицензионный ключ и пробный период на 30 дней; ключ сохраняется на этой АТС.',
    company: 'Название организации',
    email: 'Эл. почта контактного лица',
    contact: 'Контактное лицо',
    phone: 'Телефон',
    inn: 'Идентификатор компании',
    companyHint: 'обязательно',
    emailHint: 'обязательно, например admin@example.com',
    contactHint: 'обязательно: с кем связаться по вопросам лицензии',
    phoneHint: 'необязательно, например +7 495 123-45-67',
    innHint: 'необязательно: ИНН, ИИН, УНП и т. п., 10-12 цифр',
    submit: 'Регистрация',
    done: (maskedKey: string) => `АТС зарегистрирована, ключ ${maskedKey} сохранён.`,
  },

  keyForm: {
    title: 'Ввод имеющегося лицензионного ключа',
    intro: 'Перед сохранением ключ проверяется на сервере лицензирования. Ввод скрыт.',
    key: 'Лицензионный ключ',
    hint: 'MIKO-XXXXX-XXXXX-XXXXX-XXXXX; пробелы и строчные буквы допустимы',
    submit: 'Проверка ключа',
    done: (maskedKey: string) => `Лицензионный ключ ${maskedKey} проверен и сохранён.`,
  },

  couponForm: {
    title: 'Активация купона',
    intro: 'Купон добавляет лицензию продукта к ключу этой АТС; каждый купон активируется один раз.',
    coupon: 'Купон',
    hint: 'MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX; пробелы и строчные буквы допустимы',
    submit: 'Активация купона',
    done: 'Купон активирован.',
  },

  reveal: {
    busy: 'Чтение ключа',
    /** Nothing comes back to say whether the terminal passed it on: say what was sent, and the condition. */
    /** One toast line at 80 columns. */
    copied: 'Ключ передан через OSC 52: он в буфере обмена, если терминал это разрешает.',
  },

  reset: {
    title: (maskedKey: string | null) => (maskedKey ? `Сбросить лицензионный ключ ${maskedKey}?` : 'Сбросить лицензионный ключ?'),
    message: [
      'Это отменяет регистрацию АТС в маркетплейсе: ключ удаляется с неё,',
      'а привязки лицензий этого хоста освобождаются.',
    ],
    warning: 'Пока ключ не сохранён, платные модули нельзя установить или включить.',
    confirm: 'Сбросить ключ',
    busy: 'Сброс ключа',
    done: (released: number) =>
      `Лицензионный ключ удалён; ${pluralForm('ru', released, { one: 'освобождена', few: 'освобождены', many: 'освобождено', other: 'освобождено' })} ${released} ${pluralForm('ru', released, { one: 'привязка', few: 'привязки', many: 'привязок', other: 'привязки' })} этого хоста.`,
  },

  diagnostics: {
    title: (url: string) => `Диагностика соединения: ${url}`,
    intro: 'Проверки, которые производитель просит выполнить вручную по SSH.',
    running: 'Проверка соединения',
    steps: { dns: 'Запрос DNS', tcp: 'Соединение TCP', tls: 'Рукопожатие TLS', http: 'Запрос HTTP' },
    ok: 'успешно',
    failed: 'ошибка',
    pending: 'ожидание',
    skipped: 'не выполнялась: предыдущая проверка не прошла',
    ms: (ms: number) => `${ms} мс`,
    allOk: 'Все проверки пройдены: сервер лицензирования отвечает.',
    someFailed: 'Проверка не прошла: по сведениям выше видно, где обрывается соединение.',
    again: 'u повторяет проверки, Esc возвращает назад.',
    noUrl: 'Адрес сервера лицензирования пока неизвестен.',
    found: {
      address: (p: { address: string }) => p.address,
      connected: (p: { address: string; port: number }) => `соединение с ${p.address}:${p.port} установлено`,
      tls: (p: { protocol: string }) => `${p.protocol}, сертификат действителен`,
      answered: (p: { service: string }) => `${p.service} отвечает`,
    },
  },

  readonly: 'Консоль только для чтения: ничего не меняется (запустите без --readonly, чтобы изменить лицензию).',

  keys: {
    register: 'зарегистрировать АТС',
    enterKey: 'ввести свой ключ',
    reveal: 'показать / скрыть ключ',
    copy: 'скопировать ключ в буфер',
    coupon: 'активировать купон',
    reset: 'сбросить ключ (отменяет регистрацию)',
    diagnostics: 'диагностика соединения',
    reload: 'перечитать лицензию',
    scrollUp: 'прокрутить вверх',
    scrollDown: 'прокрутить вниз',
    scrollPage: 'страница вниз (PgUp: вверх)',
    formMove: 'следующее / предыдущее поле',
    formSubmit: 'следующее поле; на последнем отправляет',
    back: 'назад',
    runAgain: 'повторить проверки',
  },
};
