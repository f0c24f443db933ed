// Build-time default; an options page will make it changeable for test environments.
const fromBuild = import.meta.env.WXT_SERVICE_URL as string | undefined;
export const defaultServiceUrl: string = fromBuild ?? 'http://127.0.0.1:3000';
