/**
 * @module renderer/cases/ui/CaseDetailPanel
 * Old import path, kept only so renderer/src/ui/App.ts, HeaderBar.ts and StatusBar.ts build unchanged until
 * they import the case components from renderer/src/cases/ directly; then delete renderer/src/cases/ui/.
 */
export { default as CaseDetailPanel } from '../CaseDetail.vue'
