import { pluralForm } from '../plural.js';
import type { seats as English } from '../en/seats.js';

/** Тексты о привязках этой АТС (см. ../en/seats.ts). */
export const seats: typeof English = {
  headerNoSeat: (maskedKey: string) => `${maskedKey}, у этой АТС нет привязки`,

  title: 'Привязки этой АТС',
  feature: (name: string, featureId: number) => `${name} (${featureId})`,
  featureUnnamed: (featureId: number) => `функция ${featureId}`,
  forModules: (ids: string) => `для ${ids}`,
  held: 'есть',
  notHeld: 'НЕТ привязки',
  dropped: 'НЕТ привязки: сброшена в мониторе сессий',
  unknown: 'неизвестно: нет связи с сервисом',
  takeBackHint: (key: string) => `${key} — вернуть привязки, которых у этой АТС нет.`,
  busy: 'Возвращаем привязки',
  captured: (features: string) => `Возвращены: ${features}. Привязки этой АТС снова на месте.`,
  nothingToCapture: 'У этой АТС уже есть все нужные привязки; ничего не занято.',
  refused: (feature: string, code: number, message: string) => `Не возвращена: ${feature}, ошибка ${code}: ${message}`,
  refusedHint: 'Освободите место на экране 4 (Монитор сессий), сбросив привязку другого хоста, или докупите лицензии, затем нажмите клавишу снова.',
  readonly: 'Консоль только для чтения: привязки не занимаются (запустите без --readonly, чтобы вернуть их).',

  lastReceived: (age: string, at: string) => `Лицензия в последнем полученном виде, ${age} (${at}):`,
  neverReceived: 'Эта АТС ещё не получала от сервиса сведений о лицензии.',
  age: {
    justNow: 'получено только что',
    minutes: (n: number) => `получено ${n} мин назад`,
    hours: (n: number) => `получено ${n} ч назад`,
    days: (n: number) => `получено ${n} ${pluralForm('ru', n, { one: 'день', few: 'дня', many: 'дней', other: 'дня' })} назад`,
  },

  keys: {
    capture: 'вернуть привязки, которых у этой АТС нет',
    captureShort: 'вернуть привязки',
  },

  sessions: {
    thisPbx: 'эта АТС',
    hostCell: (shortId: string, mac: string) => `ИД ${shortId}  ${mac}`,
    hostTitle: (host: string, count: number) =>
      `Сбросить ${count === 1 ? 'привязку' : `все ${count} ${pluralForm('ru', count, { one: 'привязку', few: 'привязки', many: 'привязок', other: 'привязки' })}`} ЭТОЙ АТС (${host})?`,
    bindingTitle: (featureLine: string) => `Сбросить привязку этой АТС ${featureLine}?`,
    feature33: 'Сбрасывается функция 33 (MikoPBX free license) ЭТОЙ АТС: эта АТС теряет лицензию маркетплейса, пока не вернёт привязку (экран 1 или `pbxmod license capture`).',
    otherProducts: (products: string) => `Сбрасываются функции других продуктов, привязанные к ЭТОЙ АТС: ${products}. Её модули будут отключены при следующей проверке лицензии.`,
  },

  cli: {
    captured: (feature: string) => `занята     ${feature}`,
    held: (feature: string) => `есть       ${feature} (уже)`,
    refused: (feature: string, code: number, message: string) => `НЕ занята  ${feature}: ошибка ${code}: ${message}`,
    summary: (captured: number, refused: number) =>
      refused > 0
        ? `Возвращено привязок: ${captured}, отказано: ${refused}.`
        : captured > 0
          ? `Возвращено привязок: ${captured}; у этой АТС снова есть все привязки.`
          : 'У этой АТС уже есть все нужные привязки.',
    thisPbx: '(эта АТС)',
    refusedHint: 'Освободите место командой `pbxmod sessions drop HOST` (или на экране 4 консоли) либо докупите лицензии, затем снова запустите `pbxmod license capture`.',
    description: 'вернуть все привязки, которые должны быть у этой АТС: функцию 33 и функции включённых платных модулей (после сброса в мониторе сессий)',
  },
};
