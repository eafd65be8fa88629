// Browsers keep a permalink's #m12 through the redirect to this page but drop it on the
// form's POST; send it along so sign-in returns to the same message.
(function () {
	var field = document.getElementById('fragment');
	var hash = window.location.hash.replace(/^#/, '');
	if (field && /^m[0-9]{1,6}$/.test(hash)) {
		field.value = hash;
	}
})();
