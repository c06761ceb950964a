// Applies the saved theme before first paint (index.html loads this file: the page's CSP allows no
// inline script).
try {
  var t = localStorage.getItem('gsim.theme');
  if (t !== 'light' && t !== 'dark') t = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  document.documentElement.dataset.theme = t;
} catch (e) {}
