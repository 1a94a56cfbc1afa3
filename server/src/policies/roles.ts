import type { Role } from '../../../core/case/types.js'

// 角色分组 — the role lists the access rules and the routes' `config.roles` share, named once here so a
// change of who may do what is one edit in one folder. What each role may do to a case is core's
// transitions table (rendered by permission-matrix.ts); these lists decide what a role may see and manage.

/** 中心坐席 — the center's desk: they call reporters back, so they alone see reporters' contacts unmasked. */
export const CENTER_DESK: readonly Role[] = ['receiver', 'shift-leader', 'dispatcher']

/** Roles that see every case: the desk, leaders (督办 on any open case) and administrators. */
export const SEE_ALL_CASES: readonly Role[] = [...CENTER_DESK, 'leader', 'admin']

/** Roles with a case view at all; the GIS maintainer keeps the map and sees no cases. */
export const CASE_VIEWERS: readonly Role[] = [...SEE_ALL_CASES, 'inspector', 'unit-handler', 'unit-manager']

/** 系统管理员 — accounts, API clients, the working calendar, case rules, jobs, the audit log. */
export const ADMINS: readonly Role[] = ['admin']

/** Who reads the people list: the desk picks inspectors from it, leaders and administrators oversee. */
export const PEOPLE_READERS: readonly Role[] = [...CENTER_DESK, 'leader', 'admin']

/** 责任单位 roles: an account of one of them belongs to a unit. */
export const UNIT_ROLES: readonly Role[] = ['unit-handler', 'unit-manager']
