/** Every network check gives up after this; they run side by side, so a dead host costs this once. */
export const networkTimeoutMs = 3000;
