// The host page listens to the widget's events, as pharmacy software would.
const list = document.getElementById('host-events');
const events = ['vo-logged-in', 'vo-logged-out', 'vo-order-submitted', 'vo-error'];
for (const type of events) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString('fr-FR')} ${type} ${JSON.stringify(event.detail)}`;
    list?.prepend(item);
  });
}
