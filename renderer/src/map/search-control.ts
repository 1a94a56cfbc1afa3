/**
 * @module renderer/map/search-control
 * 查找 — the ol-ext Search control fed by the bridge's search: grid ids, component ids (or 6+ digit
 * prefixes), typed coordinates and region names. Entries are built as DOM text, never as HTML, because
 * labels come from data.
 */
import Search from 'ol-ext/control/Search.js'
import type { CityLoopBridge, SearchHit } from '../../../contracts/bridge/index.js'

/** Options of {@link createSearchControl}. */
export interface SearchControlOptions {
  readonly bridge: CityLoopBridge
  /** Where the input is rendered (the header); without it the control sits on the map. */
  readonly target?: HTMLElement
  readonly t: (key: string) => string
  readonly onSelect: (hit: SearchHit) => void
  readonly onError?: (message: string) => void
}

/** The search control; call {@link relabelSearch} after a language switch. */
export function createSearchControl(options: SearchControlOptions): Search<SearchHit> {
  /** Text just located with Enter: the list the typing had asked for is not drawn over the answer. */
  let entered: string | null = null
  const control = new Search<SearchHit>({
    className: 'cityloop-search',
    ...(options.target ? { target: options.target } : {}),
    placeholder: options.t('toolbar.search'),
    title: options.t('toolbar.searchTitle'),
    collapsed: false,
    noCollapse: true,
    typing: 250,
    minLength: 2,
    maxItems: 12,
    maxHistory: 8,
    getTitle: (hit) => entry(hit, options.t),
    autocomplete: (text, callback) => {
      void options.bridge.search.find(text.trim(), { limit: 12 }).then((result) => {
        if (entered !== null && entered === text.trim()) return
        if (result.ok) callback([...result.value])
        else {
          options.onError?.(result.error.message)
          callback([])
        }
      })
      return false
    },
    onselect: (event) => {
      // The list stays open after a choice (the box never collapses in the header); close it.
      control.element.querySelector('ul.autocomplete')?.replaceChildren()
      control.getInputField().blur()
      options.onSelect(event.search)
    },
  })
  // Enter with no entry highlighted goes to the first hit (a typed coordinate, an id): ol-ext would only search
  // again. Taken in the capture phase, before the control's own keyup listener on the input.
  control.element.addEventListener(
    'keyup',
    (event) => {
      if (event.key !== 'Enter' || control.element.querySelector('ul.autocomplete li.select')) return
      const text = control.getInputField().value.trim()
      if (text.length < 2) return
      event.stopPropagation()
      entered = text
      void options.bridge.search.find(text, { limit: 1 }).then((result) => {
        if (!result.ok) options.onError?.(result.error.message)
        else if (result.value[0]) {
          control.element.querySelector('ul.autocomplete')?.replaceChildren()
          control.getInputField().blur()
          options.onSelect(result.value[0])
        }
      })
    },
    true,
  )
  control.getInputField().addEventListener('input', () => (entered = null))
  return control
}

/** Updates the placeholder to the current language. */
export function relabelSearch(control: Search<SearchHit>, t: (key: string) => string): void {
  const input = control.getInputField()
  input.placeholder = t('toolbar.search')
  input.title = t('toolbar.searchTitle')
}

function entry(hit: SearchHit, t: (key: string) => string): HTMLElement {
  const row = document.createElement('span')
  row.className = `search-hit search-hit-${hit.kind}`
  const kind = document.createElement('span')
  kind.className = 'search-hit-kind'
  kind.textContent = t(`search.${hit.kind}`)
  const label = document.createElement('span')
  label.className = 'search-hit-label'
  label.textContent = hit.label
  row.append(kind, ' ', label)
  return row
}
