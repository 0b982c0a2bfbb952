// What the pages' scripts share. An element is made with its text set as text, so that
// nothing an answer holds is ever read as HTML.
window.Page = Object.freeze({
	element(tag, text, attributes) {
		const node = document.createElement(tag);
		if (text !== undefined && text !== null) {
			node.textContent = text;
		}
		Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
		return node;
	},
	// milliseconds as the pages show them, a dash where there is no figure
	ms(value) {
		return (value === null || value === undefined) ? '–' : value.toFixed(1);
	}
});
