/** Texts of the session monitor screen, in Russian (see ../en.ts for the conventions). */
import type { sessions as English } from '../en/sessions.js';
import { pluralForm } from '../plural.js';

const bindingsWord = (n: number) => pluralForm('ru', n, { one: 'привязка', few: 'привязки', many: 'привязок', other: 'привязки' });
const bindingsAccusative = (n: number) => pluralForm('ru', n, { one: 'привязку', few: 'привязки', many: 'привязок', other: 'привязки' });
const hostsWord = (n: number) => pluralForm('ru', n, { one: 'хост', few: 'хоста', many: 'хостов', other: 'хоста' });

export const sessions: typeof English = {
  title: 'Монитор сессий',
  shortTitle: 'Сессии',

  loading: 'Чтение привязок лицензий',
  refreshing: 'обновление...',
  /** "обновлено 14:03:07". */
  lastUpdated: (time: string) => `обновлено ${time}`,

  /** Who the screen is logged in as. */
  login: {
    /** The header shows which key that is. */
    ownKey: 'Ключ этой АТС',
    otherKey: (maskedKey: string) => `Ключ ${maskedKey}`,
    coupon: (maskedCoupon: string) => `Купон ${maskedCoupon}`,
  },
  /** "2 хоста, 3 привязки". */
  counts: (hosts: number, bindings: number) => `${hosts} ${hostsWord(hosts)}, ${bindings} ${bindingsWord(bindings)}`,

  columns: {
    info: 'Инфо',
    userHost: 'Пользователь@Хост',
    captured: 'Захвачена',
    features: 'Фичи',
    action: 'Действия',
  },
  /** The Features cell of a host row. */
  hostMac: (mac: string) => `MAC ${mac}`,
  /** "MikoPBX free license (33) на: pbx-01" - a feature line, as the vendor's cabinet writes it. */
  featureLine: (featureName: string, featureId: number, host: string) => `${featureName} (${featureId}) на: ${host}`,
  dropAction: 'Сброс',
  dropHostAction: 'Сбросить все',

  empty: {
    title: 'У этого ключа нет активных привязок.',
    lines: [
      'Сейчас ни одна АТС не занимает место этой лицензии, так что все места свободны.',
      'АТС захватывает фичу 33 при регистрации или сохранении ключа, а фичу платного модуля — при его ' +
        'установке или включении. Привязка, которую её АТС не обновляла 10 минут, истекает сама.',
    ],
  },

  info: {
    bindingTitle: (featureLine: string) => `Привязка: ${featureLine}`,
    hostTitle: (host: string) => `Хост ${host}`,
    /** Labels of the binding fields (the cabinet's user, host, db, net, proc, start, upd, exp). */
    user: 'пользователь',
    host: 'хост',
    db: 'БД',
    net: 'сеть',
    proc: 'процесс',
    start: 'начало',
    upd: 'обновлена',
    exp: 'истекает',
    product: 'продукт',
    hostId: 'id хоста',
    bindings: 'привязки',
    productValue: (name: string, productId: number) => `${name} (продукт ${productId})`,
    justNow: 'меньше минуты назад',
    minutesAgo: (minutes: number) => `${minutes} мин назад`,
    inLessThanMinute: 'меньше чем через минуту',
    inMinutes: (minutes: number) => `через ${minutes} мин`,
    lapsed: 'истекла',
    /** "04.05.2026 14:03:07 (3 мин назад)". */
    withRelative: (time: string, relative: string) => `${time} (${relative})`,
    hostHint: 'd сбрасывает все привязки этого хоста.',
    thisPbx: 'эта АТС',
  },

  drop: {
    bindingTitle: (featureLine: string) => `Сбросить привязку ${featureLine}?`,
    hostTitle: (host: string, count: number) =>
      count === 1 ? `Сбросить привязку хоста ${host}?` : `Сбросить все ${count} ${bindingsAccusative(count)} хоста ${host}?`,
    /** One line per binding that goes. */
    /** "- MikoPBX free license (33), захвачена 04.05.2026 14:03". */
    item: (featureName: string, featureId: number, captured: string) => `- ${featureName} (${featureId}), захвачена ${captured}`,
    more: (count: number) => `- и ещё ${count}`,
    effect: 'Места освободятся, и их сможет захватить любая АТС.',
    /** Mirrors dropWarnings() in src/domain/license-products.ts. */
    feature33:
      'Сбрасывается фича 33 (MikoPBX free license): та АТС теряет лицензию маркетплейса, пока снова не захватит место.',
    otherProducts: (products: string) =>
      `Сбрасываются фичи других продуктов: ${products}. Их модули на той АТС будут отключены при следующей проверке лицензий.`,
    confirm: 'Сбросить',
    busy: 'Сброс',
    done: (released: number, host: string) =>
      `${pluralForm('ru', released, { one: 'Сброшена', few: 'Сброшены', many: 'Сброшено', other: 'Сброшено' })} ${released} ${bindingsWord(released)} хоста ${host}; места свободны.`,
    failed: (reason: string) => `Ничего не сброшено: ${reason}`,
    readonly: 'Консоль только для чтения: привязки не сбрасываются (запустите без --readonly, чтобы сбросить).',
  },

  loginForm: {
    title: 'Вход в монитор сессий',
    intro: 'По лицензионному ключу или по купону, активированному на ключе. Ввод скрыт.',
    field: 'Ключ или купон',
    placeholder: 'MIKO-XXXXX-... или MIKOUPD-XXXXX-...',
    hintOwnKey: 'Оставьте пустым, чтобы войти с ключом этой АТС.',
    hintFormat: 'MIKO-XXXXX-XXXXX-XXXXX-XXXXX или MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX',
    required: 'Введите лицензионный ключ или купон.',
    submit: 'Вход',
    noKey: 'Ключа нет: сохраните его на экране 1 (Esc, затем 1) или войдите с любым ключом или купоном.',
    done: (who: string) => `Вход выполнен: ${who}.`,
  },

  /** Precise reasons a login fails; the codes are the licensing service's (SPEC section 2). */
  loginErrors: {
    2026: {
      message: 'Сервер лицензирования не знает этот лицензионный ключ (ошибка 2026).',
      hint: 'Сверьте ключ с письмом от lic@miko.ru и введите его ещё раз или оставьте поле пустым, чтобы войти с ключом этой АТС.',
    },
    2040: {
      message: 'Такого купона нет (ошибка 2040).',
      hint: 'Проверьте код купона и введите его ещё раз; купон имеет вид MIKOUPD-XXXXX-XXXXX-XXXXX-XXXXX.',
    },
    2037: {
      message: 'Этот купон ещё не активирован на лицензионном ключе (ошибка 2037).',
      hint: 'Сначала активируйте его (экран 1 или `pbxmod license coupon КОД`) либо войдите с лицензионным ключом.',
    },
    2057: {
      message: 'Этот купон заблокирован (ошибка 2057).',
      hint: 'Войдите с лицензионным ключом или обратитесь к тому, кто выдал купон.',
    },
  },
  /** The hint when the PBX's own saved key was refused (2026). */
  ownKeyRefused: 'Ключ, сохранённый на этой АТС, может относиться к другому серверу лицензирования; l — вход с другим ключом или купоном.',

  noKey: {
    title: 'У этой АТС нет лицензионного ключа, поэтому своих привязок показать нельзя.',
    lines: ['Зарегистрируйте АТС или сохраните ключ на экране 1 (Маркетплейс и лицензия).', 'l — вход здесь с другим ключом или с активированным купоном.'],
  },

  offline: {
    retry: (seconds: number) => `r пробует снова сейчас; экран и сам пробует каждые ${seconds} с.`,
    stale: 'Привязки ниже — по последнему успешному обновлению.',
  },

  keys: {
    move: 'переход между хостами и привязками',
    info: 'панель сведений',
    infoShort: 'инфо',
    drop: 'сброс',
    infoLong: 'показать / скрыть сведения о строке под курсором',
    dropBinding: 'сбросить привязку',
    dropHost: 'сбросить хост',
    refresh: 'обновить',
    login: 'войти',
    filter: 'фильтр',
    close: 'закрыть сведения, сбросить фильтр',
    submit: 'войти',
    cancel: 'назад к привязкам',
    closeForm: 'закрыть форму',
  },
};
