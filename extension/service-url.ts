// Build-time default; an options page will make it changeable for test environments.
export const defaultServiceUrl: string = import.meta.env.WXT_SERVICE_URL ?? 'http://127.0.0.1:3000';
