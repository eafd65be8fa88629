// The theme chosen with the toggle, remembered per browser; without a choice the system's.
(function () {
	try {
		var theme = window.localStorage.getItem('simboard-theme');
		if (theme === 'light' || theme === 'dark') {
			document.documentElement.setAttribute('data-theme', theme);
		}
	} catch (e) {
		// Storage can be off; the system setting then decides.
	}
})();
