// The demo portal's own script: lists the events the embedded widget re-emits.
const placeholder = document.getElementById('self-check');
const list = document.getElementById('events');
window.bscEvents = [];
for (const type of ['bsc:ready', 'bsc:progress', 'bsc:completed']) {
  placeholder.addEventListener(type, (e) => {
    window.bscEvents.push({ type, detail: e.detail });
    const li = document.createElement('li');
    li.textContent = `${type} ${JSON.stringify(e.detail)}`;
    list.appendChild(li);
  });
}
