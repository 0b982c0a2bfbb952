// A lab page's comparison run in place: its progress as the comparison's event stream
// reports it, then its summary and pictures (lab-report.js). Without this script the form
// still works: the browser goes to the comparison's own page.
(function () {
	'use strict';
	const form = document.querySelector('form[data-live]');
	if (!form || !window.EventSource) {
		return;
	}
	const progress = document.getElementById('progress');
	const result = document.getElementById('result');
	const button = form.querySelector('button[type=submit]');

	const element = window.Page.element;
	const ms = window.Page.ms;

	function progressLine(event) {
		const line = element('li', event.variant + ': ' + event.phase + ', ' + event.completed + ' of ' + event.runs
				+ ' runs' + ((event.p50_ms !== null && event.p50_ms !== undefined) ? ', median so far ' + ms(event.p50_ms) + ' ms' : ''));
		line.dataset.variant = event.variant;
		line.appendChild(element('progress', null, { max: Math.max(event.runs, 1), value: event.completed }));
		return line;
	}

	// the verdict as the comparison's page words it: the lab's overhead, the machine's
	// load, what made the figures distorted, and what the sample cannot tell
	function verdict(report) {
		const v = report.verdict;
		const box = element('div', null, { class: 'verdict ' + v.status });
		const o = v.overhead;
		box.appendChild(element('p', 'Verdict: ' + v.status + '. The lab added ' + ms(o.p50_ms)
				+ ' ms per backend call at the median, ' + ms(o.p99_ms) + ' ms at p99 (max ' + ms(o.max_ms) + ' ms, '
				+ o.calls + ' calls). This process used ' + Math.round(v.process_cpu * 100) + ' % of all cores.'));
		if (v.reasons.length > 0) {
			const list = element('ul');
			v.reasons.forEach((reason) => list.appendChild(element('li', reason.code + ': ' + reason.detail)));
			box.appendChild(list);
		}
		v.notes.forEach((note) => box.appendChild(element('p', note)));
		return box;
	}

	// a figure the report gives: absent where the sample cannot support it
	function given(value) {
		return value !== undefined && value !== null;
	}

	// a percentile with its 95 % confidence interval, or a dash where the runs are too few
	function percentileCell(variant, percentile) {
		const cell = element('td');
		const known = variant.percentiles.find((p) => p.percentile === percentile);
		if (!known || !given(known.ms)) {
			cell.appendChild(element('span', '–', { title: known ? 'needs ' + known.needs_runs + ' runs' : '' }));
			return cell;
		}
		cell.appendChild(document.createTextNode(ms(known.ms)));
		cell.appendChild(element('br'));
		cell.appendChild(element('span', ms(known.low_ms) + '–' + ms(known.high_ms), { class: 'ci' }));
		return cell;
	}

	function summary(report, again) {
		const table = element('table');
		const head = element('tr');
		['variant', 'runs', 'errors', 'p50', 'p90', 'p99', 'mean', 'theory'].forEach((name) => head.appendChild(
				element('th', name)));
		table.appendChild(head);
		report.variants.forEach((variant) => {
			const row = element('tr');
			[variant.variant, variant.count, variant.errors].forEach((cell) => row.appendChild(element('td', cell)));
			[50, 90, 99].forEach((percentile) => row.appendChild(percentileCell(variant, percentile)));
			row.appendChild(element('td', ms(variant.mean_ms)));
			row.appendChild(element('td', variant.theory ? ms(variant.theory.value) : ''));
			table.appendChild(row);
		});
		const box = element('div', null, { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': 'Percentiles of each variant' });
		box.appendChild(table);
		result.replaceChildren(verdict(report),
			element('p', report.metric + ', over ' + report.runs + ' runs of each variant; seed ' + report.seed
					+ '. Percentiles with their 95 % confidence interval below them.'), box);
		if (report.ratios.length > 0) {
			const ratios = element('ul', null, { class: 'ratios' });
			report.ratios.forEach((ratio) => ratios.appendChild(element('li', ratio.variant + ' against '
					+ ratio.baseline + ': mean ×' + ratio.mean.toFixed(2)
					+ (given(ratio.p50) ? ', p50 ×' + ratio.p50.toFixed(2) : '')
					+ (given(ratio.p99) ? ', p99 ×' + ratio.p99.toFixed(2) : ''))));
			result.appendChild(element('p', 'Ratios to the first variant (below 1 is faster):'));
			result.appendChild(ratios);
		}
		const link = element('a', 'The comparison\'s own page', { href: again });
		const note = element('p', ' (runs it again with the same seed: the same drawn latencies, measured anew)');
		note.prepend(link);
		result.appendChild(note);
		if (window.LabReport) {
			window.LabReport.render(result, report);
		}
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const query = new URLSearchParams(new FormData(form));
		[...query.keys()].filter((key) => query.get(key) === '').forEach((key) => query.delete(key));
		if (query.has('rate')) {
			// the open model: runs arrive at the rate instead of numbering 'runs'
			query.delete('runs');
		}
		const url = form.getAttribute('action') + '?' + query;
		const lines = new Map();
		progress.replaceChildren(element('p', 'Starting the comparison…'));
		result.replaceChildren();
		button.disabled = true;
		const stream = new EventSource(url);
		const end = () => {
			stream.close();
			button.disabled = false;
		};
		stream.addEventListener('progress', (message) => {
			const update = JSON.parse(message.data);
			lines.set(update.variant, progressLine(update));
			progress.replaceChildren(element('ul', null));
			lines.forEach((line) => progress.firstChild.appendChild(line));
		});
		stream.addEventListener('summary', (message) => {
			end();
			const report = JSON.parse(message.data);
			query.set('seed', report.seed);
			summary(report, form.getAttribute('action') + '?' + query);
		});
		stream.addEventListener('error', (message) => {
			end();
			if (message.data) {
				// the comparison ran out of time: the stream's last event says so
				result.replaceChildren(element('p', JSON.parse(message.data).detail, { class: 'errors' }));
			}
			else {
				// refused before it began (its problem is not readable from an event stream):
				// the comparison's own page shows why
				window.location.assign(url);
			}
		});
	});
})();
