import type { service as English } from '../../en/errors/service.js';

/** Errors of the licensing service's operator tasks and start-up, in Russian. */
export const service: typeof English = {
  coupon_product_invalid: (p: { value: number }) => ({ message: `Номер продукта должен быть целым положительным числом (указано ${p.value}).`, hint: 'Укажите --product НОМЕР, например --product 127.' }),
  coupon_days_invalid: (p: { value: number }) => ({ message: `Число дней должно быть целым, от 1 до 36500 (указано ${p.value}).`, hint: 'Укажите --days N, например --days 365.' }),
  coupon_name_needed: (p: { productId: number }) => ({
    message: `Продукта ${p.productId} нет в каталоге, поэтому купону нужны его название и функции (--name ТЕКСТ --feature ID:КОЛИЧЕСТВО; в API: name, features).`,
    hint: 'Добавьте --name ТЕКСТ и --feature ID:КОЛИЧЕСТВО.',
  }),
  coupon_feature_invalid: (p: { feature: string }) => ({ message: `Функция ${p.feature} задана неверно: оба числа целые, номер положительный.`, hint: 'Записывайте функции как --feature ID:КОЛИЧЕСТВО, например --feature 33:2.' }),
  coupon_features_needed: (p: { productId: number }) => ({
    message: `Продукта ${p.productId} нет в каталоге, поэтому купону нужны его функции (--feature ID:КОЛИЧЕСТВО; в API: features).`,
    hint: 'Добавьте --feature ID:КОЛИЧЕСТВО.',
  }),
  coupon_not_on_service: (p: { coupon: string }) => ({ message: `На этом сервисе лицензирования нет купона ${p.coupon}.`, hint: 'Проверьте код и то, к какому сервису вы обращаетесь.' }),
  seats_number_invalid: (p: { flag: string; max: number; value: number }) => ({
    message: `${p.flag} должно быть целым числом от 1 до ${p.max} (указано ${p.value}).`,
    hint: 'Пример: pbxmod service seats add --key-file KEYFILE --product 1 --feature 33 --count 2',
  }),
  seats_key_malformed: () => ({ message: 'Лицензионный ключ записан неверно.', hint: 'Проверьте ключ.' }),
  key_not_on_service: () => ({ message: 'Этот лицензионный ключ неизвестен этому сервису лицензирования.', hint: 'Проверьте ключ и то, к какому сервису вы обращаетесь.' }),
  key_lacks_product: (p: { productId: number; held: string }) => ({
    message: `У этого ключа нет лицензии на продукт ${p.productId}; у него есть: ${p.held}.`,
    hint: 'Сначала активируйте купон на этот продукт или укажите один из продуктов ключа.',
  }),
  store_secret_env_invalid: () => ({ message: 'PBXMOD_SERVICE_SECRET — не 64 шестнадцатеричные цифры.', hint: 'Создайте его командой `openssl rand -hex 32` или уберите переменную, чтобы взять секрет из файла.' }),
  store_secret_file_invalid: (p: { file: string }) => ({
    message: `Файл секрета сервиса ${p.file} не содержит 64 шестнадцатеричные цифры.`,
    hint: 'Восстановите его из резервной копии: без него ни один сохранённый ключ не проверить.',
  }),
  store_secret_unreadable: (p: { file: string; detail: string }) => ({ message: `Не удаётся прочитать ${p.file}: ${p.detail}.`, hint: 'Проверьте права доступа к нему.' }),
  store_secret_uncreatable: (p: { file: string; detail: string }) => ({ message: `Не удаётся создать ${p.file}: ${p.detail}.`, hint: 'Проверьте, что в каталог данных можно писать.' }),
  store_database: (p: { url: string; detail: string }) => ({
    message: `Не удаётся использовать базу данных ${p.url}: ${p.detail}.`,
    hint: 'Проверьте URL (postgres://user@host:port/database), что сервер запущен и что пользователь может создавать таблицы.',
  }),
};
