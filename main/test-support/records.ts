/** Small hand-made records for store and layer tests. */
import type { Region } from '../../core/region/types.js'
import type { StoredComponent } from '../feed-records.js'

/** A square district named `name`. */
export function sampleRegion(code: string, name: string): Region {
  return {
    code,
    level: 'district',
    name,
    nameEn: name,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [119.9, 32.4],
          [120, 32.4],
          [120, 32.5],
          [119.9, 32.5],
          [119.9, 32.4],
        ],
      ],
    },
  }
}

/** A component at lon/lat. */
export function sampleComponent(
  id: string,
  lon: number,
  lat: number,
  over: Partial<StoredComponent> = {},
): StoredComponent {
  return {
    id,
    edition: '2013',
    category: '2013:component:0101',
    name: '上水井盖',
    status: 'intact',
    lon,
    lat,
    gridId: '321202001001001',
    ownerUnitId: null,
    maintainerUnitId: null,
    initialDate: '2024-01-01',
    changeDate: null,
    dataSource: '实测',
    note: null,
    ...over,
  }
}
