export { Banner, type BannerProps, type BannerKind } from './banner.js';
