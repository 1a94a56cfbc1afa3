/**
 * @module renderer/shared/use-catalog-search
 * 类别搜索 — the search behind the category picker: catalog.search in main/ over both catalog editions
 * (GB/T 30428.2-2013 and GB/T 47678.5-2026) by code, name in either language or filing-condition text, narrowed
 * by edition and by component/event. An answer a newer search overtook is dropped; changing a narrowing
 * repeats the last search.
 */
import { ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { CategoryKind, Edition } from '../../../core/catalog/types.js'
import type { CatalogClassBrief, CityLoopBridge } from '../../../contracts/bridge/index.js'

/** One edition, or both. */
export type EditionFilter = Edition | 'all'
/** Components (部件), events (事件), or both. */
export type KindFilter = CategoryKind | 'all'

/** Options of {@link useCatalogSearch}. */
export interface CatalogSearchOptions {
  /** The bridge (window.cityloop) whose catalog.search answers. */
  readonly bridge: Pick<CityLoopBridge, 'catalog'>
  /** Most classes one search brings; default 60. */
  readonly limit?: number
  /** Called with the bridge's message when a search fails; without it a failure just shows no results. */
  readonly onError?: (message: string) => void
}

/** The state and the search of one picker. */
export interface CatalogSearch {
  /** Edition narrowing; changing it repeats the last search. */
  readonly edition: Ref<EditionFilter>
  /** Component/event narrowing; changing it repeats the last search. */
  readonly kind: Ref<KindFilter>
  /** Classes of the latest answered search. */
  readonly results: ShallowRef<readonly CatalogClassBrief[]>
  /** True while the latest search is on its way. */
  readonly loading: Ref<boolean>
  /** The text last searched. */
  readonly query: Ref<string>
  /** Searches `text`; blank text clears the results without asking main/. */
  search(text: string): Promise<void>
}

/** Creates one picker's catalog search (call it in a component's setup: it watches the narrowings). */
export function useCatalogSearch(options: CatalogSearchOptions): CatalogSearch {
  const edition = ref<EditionFilter>('all')
  const kind = ref<KindFilter>('all')
  const results = shallowRef<readonly CatalogClassBrief[]>([])
  const loading = ref(false)
  const query = ref('')
  let request = 0

  async function search(text: string): Promise<void> {
    query.value = text
    // Every search, blank ones too, makes the answers of earlier searches stale.
    const id = ++request
    if (!text.trim()) {
      results.value = []
      loading.value = false
      return
    }
    loading.value = true
    const result = await options.bridge.catalog.search(text, {
      limit: options.limit ?? 60,
      ...(edition.value !== 'all' ? { edition: edition.value } : {}),
      ...(kind.value !== 'all' ? { kind: kind.value } : {}),
    })
    if (id !== request) return
    loading.value = false
    if (result.ok) results.value = result.value
    else {
      results.value = []
      options.onError?.(result.error.message)
    }
  }

  watch([edition, kind], () => void search(query.value))

  return { edition, kind, results, loading, query, search }
}
