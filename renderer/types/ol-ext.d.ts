// ol-ext ships JavaScript only. These declarations cover the parts the workstation uses, as documented in
// the JSDoc of each module (node_modules/ol-ext/control/*.js, legend/*.js); extend them when using more.

declare module 'ol-ext/control/LayerSwitcher.js' {
  import Control from 'ol/control/Control.js'
  import type BaseLayer from 'ol/layer/Base.js'
  import type LayerGroup from 'ol/layer/Group.js'
  export interface LayerSwitcherOptions {
    target?: HTMLElement
    /** Show the panel on mouseover; default false. */
    mouseover?: boolean
    /** Allow drag reordering; default true. */
    reordering?: boolean
    /** Collapsed at start; default true. */
    collapsed?: boolean
    /** Show an extent button per layer. */
    extent?: boolean
    /** Show a counter of layers. */
    counter?: boolean
    /** Show a progress bar on tile layers. */
    show_progress?: boolean
    noScroll?: boolean
    layerGroup?: LayerGroup
    displayInLayerSwitcher?: (layer: BaseLayer) => boolean
  }
  export default class LayerSwitcher extends Control {
    constructor(options?: LayerSwitcherOptions)
    drawPanel(): void
    show(): void
    hide(): void
    toggle(): void
    isOpen(): boolean
    setHeader(html: string): void
  }
}

declare module 'ol-ext/legend/Legend.js' {
  import BaseObject from 'ol/Object.js'
  import type Style from 'ol/style/Style.js'
  import type Text from 'ol/style/Text.js'
  export interface LegendItemOptions {
    title: string
    typeGeom?: 'Point' | 'LineString' | 'Polygon'
    style?: Style | Style[]
    className?: string
    properties?: Record<string, unknown>
  }
  export interface LegendOptions {
    title?: string
    maxWidth?: number
    size?: [number, number]
    margin?: number
    lineHeight?: number
    textStyle?: Text
    titleStyle?: Text
    items?: LegendItemOptions[]
  }
  export default class Legend extends BaseObject {
    constructor(options?: LegendOptions)
    setTitle(title: string): void
    addItem(item: LegendItemOptions | Legend): void
    getItems(): { clear(): void; getLength(): number; item(i: number): BaseObject }
    refresh(silent?: boolean): void
  }
}

declare module 'ol-ext/control/Legend.js' {
  import Control from 'ol/control/Control.js'
  import type LegendModel from 'ol-ext/legend/Legend.js'
  export interface LegendControlOptions {
    className?: string
    title?: string
    emptyTitle?: string
    legend: LegendModel
    collapsed?: boolean
    collapsible?: boolean
    target?: HTMLElement
  }
  export default class LegendControl extends Control {
    constructor(options: LegendControlOptions)
    /** The control's root element. */
    element: HTMLElement
    show(): void
    hide(): void
    toggle(): void
    isCollapsed(): boolean
    collapse(collapsed: boolean): void
  }
}

declare module 'ol-ext/control/Search.js' {
  import Control from 'ol/control/Control.js'
  import type BaseEvent from 'ol/events/Event.js'
  export interface SearchOptions<T> {
    className?: string
    target?: HTMLElement
    title?: string
    placeholder?: string
    inputLabel?: string
    collapsed?: boolean
    noCollapse?: boolean
    /** Delay after typing before searching, ms; -1 = no autocomplete. Default 300. */
    typing?: number
    minLength?: number
    maxItems?: number
    /** -1 for no history. */
    maxHistory?: number
    /** The list entry; return an element (not HTML text) for data that may hold markup. */
    getTitle?: (item: T) => string | HTMLElement
    autocomplete?: (text: string, callback: (items: T[]) => void) => T[] | false | undefined
    /** Called with the chosen entry. */
    onselect?: (event: SearchSelectEvent<T>) => void
  }
  export interface SearchSelectEvent<T> extends BaseEvent {
    search: T
  }
  export default class Search<T = unknown> extends Control {
    constructor(options?: SearchOptions<T>)
    /** The control's root element. */
    element: HTMLElement
    getInputField(): HTMLInputElement
    setInput(value: string, search?: boolean): void
    search(): void
    select(item: T): void
  }
}

declare module 'ol-ext/control/Overview.js' {
  import Control from 'ol/control/Control.js'
  import type BaseLayer from 'ol/layer/Base.js'
  import type { ProjectionLike } from 'ol/proj.js'
  import type Style from 'ol/style/Style.js'
  import type OlMap from 'ol/Map.js'
  export interface OverviewOptions {
    projection?: ProjectionLike
    minZoom?: number
    maxZoom?: number
    rotation?: boolean
    align?: 'top' | 'bottom-left' | 'right' | 'top-left' | 'top-right' | 'bottom-right'
    layers?: BaseLayer[]
    style?: Style | Style[]
    panAnimation?: boolean | 'elastic'
    target?: HTMLElement
  }
  export default class Overview extends Control {
    constructor(options?: OverviewOptions)
    getOverviewMap(): OlMap
  }
}
