// Records what the test reads: every error AngularJS reports ($exceptionHandler logs to
// console.error, e.g. [$rootScope:inprog]) and every uncaught one. A classic script, no module.
window.recorded = { errors: [], saved: [] };
window.addEventListener('error', function (event) { window.recorded.errors.push(String(event.message)); });
