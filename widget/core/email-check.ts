/**
 * The shared zod schema of an e-mail address (shared/schemas/common.ts), loaded on first use:
 * zod is not part of the widget's first load, only of the screens that validate with it.
 */
let validator: Promise<(value: string) => boolean> | null = null;

export function emailValidator(): Promise<(value: string) => boolean> {
  validator ??= import('../../shared/schemas/common').then(({ zEmail }) => (value: string) => zEmail.safeParse(value).success);
  return validator;
}
