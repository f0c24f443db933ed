// The background is the extension's composition root: later it owns the API client,
// the token and the alarms. For now it only announces itself on install.
export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    console.info('Commande de vaccins Covid-19: extension installée');
  });
});
