/**
 * Whether a component is drawn inside the phone's bottom sheet (BottomSheet.vue provides it): there
 * the sheet's own × closes, and a panel's × would stack a second one right under it.
 */
import { inject, provide, type InjectionKey } from 'vue'

const IN_SHEET: InjectionKey<boolean> = Symbol('in the bottom sheet')

export const provideInSheet = (): void => provide(IN_SHEET, true)
export const useInSheet = (): boolean => inject(IN_SHEET, false)
