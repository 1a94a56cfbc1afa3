/**
 * @module renderer/i18n
 * vue-i18n set up with the two catalogues, Chinese first. Domain data (category, region and unit names)
 * comes from main/ in both languages and is picked with {@link pickName}; only UI text lives here.
 */
import { createI18n } from 'vue-i18n'
import type { ComponentDataSource } from '../../../core/component/types.js'
import type { Language } from '../../../contracts/bridge/index.js'
import { en } from './en.js'
import { zhCN } from './zh-CN.js'

/** The UI languages, Chinese first. */
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en']

/** Creates the i18n plugin in `language`. */
export function createWorkstationI18n(language: Language) {
  return createI18n({
    legacy: false,
    locale: language,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
    // Data names are never keys; a missing key is a bug the i18n test catches, not something to warn about at run time.
    missingWarn: false,
    fallbackWarn: false,
  })
}

/** The name to show for data that carries both (`name` / `nameEn`). */
export function pickName(item: { readonly name: string; readonly nameEn: string }, language: Language): string {
  return language === 'en' ? item.nameEn || item.name : item.name
}

/** 数据来源 values are stored in Chinese (core/component/types.ts); these are their keys under `dataSource`. */
export const DATA_SOURCE_KEYS: Readonly<Record<ComponentDataSource, string>> = {
  实测: 'survey',
  地形图: 'topographic',
  基础地理数据: 'baseData',
  其他: 'other',
}
