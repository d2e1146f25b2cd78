// The app's own script: it runs on the app's page, and Lectern's pages never load it.
document.querySelector('#app-status').textContent = 'The app script ran.';
