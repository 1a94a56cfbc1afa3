/**
 * @module renderer/cases/ui/SignIn
 * 登录 — the sign-in dialog (username and password; the central API's reason on failure) and the account
 * menu in the header (name, role, sign out). The token stays in main/; the renderer sees only the session.
 */
import { defineComponent, h, inject, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElAlert, ElButton, ElDialog, ElDropdown, ElDropdownItem, ElDropdownMenu, ElForm, ElFormItem, ElInput, ElTooltip } from 'element-plus'
import type { Language } from '../../../../electron/contract.js'
import { CASES } from '../store.js'
import { roleLabel } from './labels.js'

export const SignInDialog = defineComponent({
  name: 'SignInDialog',
  setup() {
    const store = inject(CASES)!
    const { t } = useI18n()
    const username = ref('')
    const password = ref('')
    const error = ref<string | null>(null)
    const busy = ref(false)

    watch(
      () => store.state.signInOpen,
      (open) => {
        if (open) {
          error.value = null
          password.value = ''
        }
      },
    )

    async function submit(): Promise<void> {
      if (!username.value.trim() || !password.value) {
        error.value = t('auth.missing')
        return
      }
      busy.value = true
      error.value = await store.signIn(username.value.trim(), password.value)
      busy.value = false
      if (!error.value) {
        store.state.signInOpen = false
        password.value = ''
      }
    }

    return () =>
      h(
        ElDialog,
        {
          modelValue: store.state.signInOpen,
          'onUpdate:modelValue': (v: boolean) => (store.state.signInOpen = v),
          title: t('auth.title'),
          width: 380,
          class: 'signin-dialog',
          appendToBody: true,
          closeOnClickModal: false,
        },
        {
          default: () =>
            h(
              ElForm,
              { labelPosition: 'top', onSubmit: (e: Event) => (e.preventDefault(), void submit()) },
              () => [
                h(ElFormItem, { label: t('auth.username') }, () =>
                  h(ElInput, {
                    modelValue: username.value,
                    'onUpdate:modelValue': (v: string) => (username.value = v),
                    autocomplete: 'username',
                    'data-testid': 'signin-username',
                    onKeyup: (e: KeyboardEvent) => e.key === 'Enter' && void submit(),
                  }),
                ),
                h(ElFormItem, { label: t('auth.password') }, () =>
                  h(ElInput, {
                    modelValue: password.value,
                    'onUpdate:modelValue': (v: string) => (password.value = v),
                    type: 'password',
                    showPassword: true,
                    autocomplete: 'current-password',
                    'data-testid': 'signin-password',
                    onKeyup: (e: KeyboardEvent) => e.key === 'Enter' && void submit(),
                  }),
                ),
                error.value
                  ? h(ElAlert, { type: 'error', closable: false, showIcon: true, title: error.value, 'data-testid': 'signin-error' })
                  : h('p', { class: 'muted signin-hint' }, t('auth.hint')),
              ],
            ),
          footer: () => [
            h(ElButton, { onClick: () => (store.state.signInOpen = false) }, () => t('common.cancel')),
            h(ElButton, { type: 'primary', loading: busy.value, 'data-testid': 'signin-submit', onClick: () => void submit() }, () => t('auth.signIn')),
          ],
        },
      )
  },
})

export const AccountMenu = defineComponent({
  name: 'AccountMenu',
  setup() {
    const store = inject(CASES)!
    const { t, locale } = useI18n()
    return () => {
      const session = store.state.session
      const user = session?.user
      if (!user)
        return h(
          ElButton,
          { class: 'account-signin', type: 'primary', plain: true, 'data-testid': 'open-signin', onClick: () => (store.state.signInOpen = true) },
          () => t('auth.signIn'),
        )
      const language = locale.value as Language
      const role = roleLabel(user.role, language)
      return h('div', { class: 'account', 'data-testid': 'account', 'data-role': user.role, 'data-user': user.username }, [
        session.casesVisible
          ? null
          : h(ElTooltip, { content: t('auth.noCasesNote', { role }), placement: 'bottom' }, () =>
              h('span', { class: 'account-limited', 'data-testid': 'cases-hidden' }, t('auth.noCases')),
            ),
        h(
          ElDropdown,
          { trigger: 'click', 'onCommand': (command: string) => command === 'sign-out' && void store.signOut() },
          {
            default: () =>
              h('button', { class: 'account-button', type: 'button', 'data-testid': 'account-menu' }, [
                h('span', { class: 'account-avatar' }, user.displayName.slice(-1)),
                h('span', { class: 'account-name' }, user.displayName),
                h('span', { class: 'account-role' }, role),
              ]),
            dropdown: () =>
              h(ElDropdownMenu, { class: 'account-dropdown' }, () => [
                h('div', { class: 'account-card' }, [
                  h('div', { class: 'account-card-name' }, user.displayName),
                  h('div', { class: 'muted' }, `${user.username} · ${role}`),
                  session.expiresAt ? h('div', { class: 'muted small' }, t('auth.expires', { time: new Date(session.expiresAt).toLocaleString(language) })) : null,
                ]),
                h(ElDropdownItem, { command: 'sign-out', divided: true, 'data-testid': 'sign-out' }, () => t('auth.signOut')),
              ]),
          },
        ),
      ])
    }
  },
})
