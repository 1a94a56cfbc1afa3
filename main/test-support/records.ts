/** Small hand-made records for store and layer tests. */
import type { Region } from '../../core/region/types.js'
import type { CaseRecord } from '../../contracts/bridge/index.js'
import type { StoredComponent } from '../sync/feed-records.js'

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

/** A case record as the feed presents it: registered, dispatch clock running, at lon/lat. */
export function sampleCase(id: string, lon: number, lat: number, over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id,
    number: `2026-321202-${id.slice(-6).padStart(6, '0')}`,
    version: 2,
    status: 'registered',
    statusGroup: 'open',
    kind: 'event',
    categoryKey: '2013:event:0102',
    conditionId: '2013:event:0102:01',
    source: 'public',
    urgency: 'normal',
    safetyHazard: null,
    areaClass: 'A',
    location: {
      lon,
      lat,
      address: '海陵区 测试路',
      gridId: '321202001001001',
      communityCode: '321202001001',
      streetCode: '321202001',
      districtCode: '321202',
    },
    componentId: null,
    description: '路边暴露垃圾',
    reporter: { id: 'demo-receiver', name: null, contact: null },
    beforePhotoIds: [],
    afterPhotoIds: [],
    duplicateIds: [],
    proposedUnitId: 'hl-sanitation',
    assignedUnitId: null,
    subUnitId: null,
    previousUnitIds: [],
    inspectorId: null,
    handleLimit: { amount: 2, unit: 'working-hours' },
    stages: {
      dispatch: {
        startedAt: '2026-03-02T01:00:00.000Z',
        deadline: '2026-03-02T02:00:00.000Z',
        limit: { amount: 1, unit: 'working-hours' },
      },
    },
    light: { color: 'green', stage: 'dispatch' },
    escalation: null,
    parkedSince: null,
    pending: null,
    verification: null,
    onSite: null,
    handling: null,
    rapid: null,
    evaluation: null,
    createdAt: '2026-03-02T01:00:00.000Z',
    updatedAt: '2026-03-02T01:00:00.000Z',
    closedAt: null,
    ...over,
  }
}
