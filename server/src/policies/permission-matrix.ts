import { CREATE_ROLES } from '../../../core/case/create.js'
import { ACTION_LABELS, ARBITRATE_LABELS, CHECK_OUTCOME_LABELS, ROLE_LABELS, STATUS_LABELS } from '../../../core/case/labels.js'
import { TRANSITIONS } from '../../../core/case/transitions.js'
import type { CaseAction, CaseStatus, Role } from '../../../core/case/types.js'
import { ROLES } from '../../../core/case/types.js'

/** 权限矩阵行 — one transition of core's table (or intake), and the roles that may take it. */
export interface MatrixRow {
  readonly action: CaseAction | 'create'
  /** check-result's outcome or arbitrate's decision, when the row is one of several for the action. */
  readonly outcome?: string
  /** The statuses it starts from; '*open*' = every open status; [] for intake. */
  readonly from: readonly CaseStatus[] | '*open*'
  readonly roles: readonly Role[]
}

/** The matrix, derived from core's transitions table (and CREATE_ROLES for intake): nothing is listed twice. */
export function permissionMatrix(): MatrixRow[] {
  return [
    { action: 'create', from: [], roles: CREATE_ROLES },
    ...TRANSITIONS.map((r) => ({
      action: r.action,
      ...(r.outcome ? { outcome: r.outcome } : {}),
      from: r.from === '*open*' ? ('*open*' as const) : typeof r.from === 'string' ? [r.from] : r.from,
      roles: r.roles,
    })),
  ]
}

function outcomeLabel(action: string, outcome: string): string {
  const labels: Readonly<Record<string, { zh: string }>> = action === 'arbitrate' ? ARBITRATE_LABELS : CHECK_OUTCOME_LABELS
  return labels[outcome]?.zh ?? outcome
}

/** The matrix as the Markdown table docs/permissions.md holds between its GENERATED markers. */
export function renderPermissionMatrix(): string {
  const header = ['action', '操作', 'from', ...ROLES.map((r) => `${ROLE_LABELS[r].zh}<br>\`${r}\``)]
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 3 ? '---' : ':-:')).join('|')}|`]
  for (const row of permissionMatrix()) {
    const name = row.outcome ? `\`${row.action}\` (\`${row.outcome}\`)` : `\`${row.action}\``
    const zh = row.action === 'create' ? '上报' : `${ACTION_LABELS[row.action].zh}${row.outcome ? ` · ${outcomeLabel(row.action, row.outcome)}` : ''}`
    const from = row.from === '*open*' ? 'any open status' : row.from.length === 0 ? '—' : row.from.map((s) => `${STATUS_LABELS[s].zh} \`${s}\``).join(', ')
    lines.push(`| ${[name, zh, from, ...ROLES.map((r) => (row.roles.includes(r) ? '✓' : ''))].join(' | ')} |`)
  }
  return lines.join('\n')
}

/** The markers around the generated table in docs/permissions.md. */
export const MATRIX_MARKERS = {
  begin: '<!-- BEGIN GENERATED: permission matrix (npm run cityloop-server -- docs permissions) -->',
  end: '<!-- END GENERATED -->',
} as const

/** `doc` with the text between the markers replaced by the current matrix. */
export function withCurrentMatrix(doc: string): string {
  const begin = doc.indexOf(MATRIX_MARKERS.begin)
  const end = doc.indexOf(MATRIX_MARKERS.end)
  if (begin === -1 || end === -1 || end < begin) throw new Error('docs/permissions.md lacks the GENERATED markers')
  return `${doc.slice(0, begin + MATRIX_MARKERS.begin.length)}\n${renderPermissionMatrix()}\n${doc.slice(end)}`
}
