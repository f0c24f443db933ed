import { browser, type PublicPath } from 'wxt/browser';

/** URL of one of the extension's own files (its pages are typed by WXT only after a build). */
export const extensionUrl = (path: string): string => browser.runtime.getURL(path as PublicPath);
