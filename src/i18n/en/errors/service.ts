import type { ErrorText } from '../errors.js';

/** Errors of the licensing service's operator tasks and start-up, in English. */
export const service = {
  coupon_product_invalid: (p: { value: number }) => ({ message: `The product id must be a positive integer (got ${p.value}).`, hint: 'Give --product ID, e.g. --product 127.' }),
  coupon_days_invalid: (p: { value: number }) => ({ message: `The days must be a whole number from 1 to 36500 (got ${p.value}).`, hint: 'Give --days N, e.g. --days 365.' }),
  coupon_name_needed: (p: { productId: number }) => ({
    message: `Product ${p.productId} is not in the catalog, so the coupon needs its name and features (--name TEXT --feature ID:COUNT; in the API: name, features).`,
    hint: 'Add --name TEXT and --feature ID:COUNT.',
  }),
  coupon_feature_invalid: (p: { feature: string }) => ({ message: `Feature ${p.feature} is not valid: both are whole numbers, the id positive.`, hint: 'Write features as --feature ID:COUNT, e.g. --feature 33:2.' }),
  coupon_features_needed: (p: { productId: number }) => ({
    message: `Product ${p.productId} is not in the catalog, so the coupon needs its features (--feature ID:COUNT; in the API: features).`,
    hint: 'Add --feature ID:COUNT.',
  }),
  coupon_not_on_service: (p: { coupon: string }) => ({ message: `There is no coupon ${p.coupon} on this licensing service.`, hint: 'Check the code, and which service you are talking to.' }),
  seats_number_invalid: (p: { flag: string; max: number; value: number }) => ({
    message: `${p.flag} must be a whole number from 1 to ${p.max} (got ${p.value}).`,
    hint: 'Example: pbxmod service seats add --key-file KEYFILE --product 1 --feature 33 --count 2',
  }),
  seats_key_malformed: () => ({ message: 'The license key is malformed.', hint: 'Check the key.' }),
  key_not_on_service: () => ({ message: 'This license key is not known to this licensing service.', hint: 'Check the key, and which service you are talking to.' }),
  key_lacks_product: (p: { productId: number; held: string }) => ({
    message: `This key holds no license for product ${p.productId}; it holds ${p.held}.`,
    hint: 'Activate a coupon for the product first, or give one of the products it holds.',
  }),
  store_secret_env_invalid: () => ({ message: 'PBXMOD_SERVICE_SECRET is not 64 hexadecimal digits.', hint: 'Make one with `openssl rand -hex 32`, or unset it to use the secret file.' }),
  store_secret_file_invalid: (p: { file: string }) => ({
    message: `The service secret file ${p.file} does not hold 64 hexadecimal digits.`,
    hint: 'Restore it from a backup; without it no stored key can be checked.',
  }),
  store_secret_unreadable: (p: { file: string; detail: string }) => ({ message: `Cannot read ${p.file}: ${p.detail}.`, hint: 'Check its permissions.' }),
  store_secret_uncreatable: (p: { file: string; detail: string }) => ({ message: `Cannot create ${p.file}: ${p.detail}.`, hint: 'Check that the data directory is writable.' }),
  store_database: (p: { url: string; detail: string }) => ({
    message: `Cannot use the database ${p.url}: ${p.detail}.`,
    hint: 'Check the URL (postgres://user@host:port/database), that the server runs, and that the user may create tables.',
  }),
} satisfies Record<string, (p: never) => ErrorText>;
