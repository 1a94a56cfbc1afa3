/**
 * @module renderer/cases/map/CaseMapBar
 * Old import path, kept only so renderer/src/ui/App.ts builds unchanged until it imports ./CaseMapBar.vue directly.
 */
export { default as CaseMapBar } from './CaseMapBar.vue'
