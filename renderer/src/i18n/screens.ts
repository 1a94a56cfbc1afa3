/**
 * @module renderer/i18n/screens
 * Texts of the screen fixes of issue 10: panel resizing and folding, the basemap's status, Enter in the
 * coordinate fields. Merged into both catalogues under `screens`; the English object has exactly the same keys.
 */
export const screensZhCN = {
  panels: {
    resize: '拖动调整宽度',
    fold: '收起面板',
    unfold: '展开面板',
  },
  basemap: {
    unreachable: '底图无法访问（{name}）',
    unreachableToast: '无法访问底图瓦片（{name}）：请检查网络或密钥。地图以城市轮廓继续工作。',
    needsToken: '{name}未显示：缺少天地图密钥',
    needsUrl: '{name}未显示：缺少服务地址',
    tip: '地图以本地城市数据继续工作；在设置中更换底图或密钥',
  },
  converter: {
    enterHint: '回车：定位最后一行的坐标；Shift+回车：换行',
  },
  playback: {
    listFiltered: '时间回放：{range}',
  },
}

export const screensEn: typeof screensZhCN = {
  panels: {
    resize: 'Drag to resize',
    fold: 'Fold the panel',
    unfold: 'Unfold the panel',
  },
  basemap: {
    unreachable: 'Basemap unreachable ({name})',
    unreachableToast: 'The basemap tiles cannot be reached ({name}): check the network or the key. The map keeps working on the city outline.',
    needsToken: '{name} not shown: no 天地图 key',
    needsUrl: '{name} not shown: no service URL',
    tip: 'The map keeps working on the local city data; change the basemap or its key in the settings',
  },
  converter: {
    enterHint: 'Enter: locate the last line; Shift+Enter: new line',
  },
  playback: {
    listFiltered: 'Playback: {range}',
  },
}
