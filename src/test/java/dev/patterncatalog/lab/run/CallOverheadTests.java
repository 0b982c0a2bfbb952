package dev.patterncatalog.lab.run;

import java.util.List;
import java.util.Map;

import dev.patterncatalog.lab.LabProperties;
import dev.patterncatalog.lab.TestLabProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdict: valid while the lab adds little and the machine has room, distorted with a
 * reason for each thing that spoils the figures.
 */
class CallOverheadTests {

	private static final LabProperties PROPERTIES = TestLabProperties.defaults();

	private static final LabLoad.Seen QUIET = new LabLoad.Seen(0.2, 0.3, 0);

	@Test
	void callsThatTookWhatTheyDrewGiveAValidVerdict() {
		CallOverhead overhead = new CallOverhead();
		overhead.add(timeline(call(200, 200.3, Outcome.OK, false), call(150, 150.2, Outcome.OK, false)));

		Verdict verdict = overhead.judge(QUIET, PROPERTIES, List.of());

		assertThat(verdict.status()).isEqualTo("valid");
		assertThat(verdict.reasons()).isEmpty();
		assertThat(verdict.overhead().calls()).isEqualTo(2);
		assertThat(verdict.overhead().p50Ms()).isEqualTo(0.2);
		assertThat(verdict.overhead().maxMs()).isEqualTo(0.3);
	}

	@Test
	void aLabThatAddsMoreThanItsBoundIsDistortedByOverhead() {
		CallOverhead overhead = new CallOverhead();
		overhead.add(timeline(call(20, 23, Outcome.OK, false), call(15, 17.5, Outcome.OK, false)));

		Verdict verdict = overhead.judge(QUIET, PROPERTIES, List.of());

		assertThat(verdict.status()).isEqualTo("distorted");
		assertThat(verdict.reasons()).extracting(Verdict.Reason::code).containsExactly("overhead");
	}

	@Test
	void theBoundsGrowWithTheLatenciesTheCallsDrew() {
		// 2 ms on 200 ms calls is 1 %, within the 2 % share; 2 ms on 20 ms calls is not
		CallOverhead slowCalls = new CallOverhead();
		slowCalls.add(timeline(call(200, 202, Outcome.OK, false), call(200, 202, Outcome.OK, false)));
		CallOverhead fastCalls = new CallOverhead();
		fastCalls.add(timeline(call(20, 22, Outcome.OK, false), call(20, 22, Outcome.OK, false)));

		assertThat(slowCalls.judge(QUIET, PROPERTIES, List.of()).status()).isEqualTo("valid");
		assertThat(fastCalls.judge(QUIET, PROPERTIES, List.of()).reasons()).extracting(Verdict.Reason::detail)
			.singleElement()
			.asString()
			.contains("the bounds were 1.0 and 5.0 ms");
	}

	@Test
	void poolWaitsSaturatedCoresAndLabFaultsEachGiveTheirReason() {
		CallOverhead overhead = new CallOverhead();
		overhead.add(timeline(call(200, 200.1, Outcome.OK, false), call(20, 300, Outcome.TIMEOUT, true)));

		Verdict verdict = overhead.judge(new LabLoad.Seen(0.95, 0.97, 12), PROPERTIES, List.of("p99 needs 368"));

		assertThat(verdict.status()).isEqualTo("distorted");
		assertThat(verdict.reasons()).extracting(Verdict.Reason::code)
			.containsExactly("pool-waits", "cpu-saturated", "lab-faults");
		assertThat(verdict.labFaults()).isEqualTo(1);
		assertThat(verdict.notes()).containsExactly("p99 needs 368");
	}

	@Test
	void aBusyMachineIsToldApartFromABusyLab() {
		Verdict verdict = new CallOverhead().judge(new LabLoad.Seen(0.3, 0.96, 0), PROPERTIES, List.of());

		assertThat(verdict.reasons()).extracting(Verdict.Reason::code).containsExactly("machine-busy");
	}

	private static CallRecord call(double drawnMs, double tookMs, Outcome outcome, boolean labFault) {
		Double overhead = (outcome == Outcome.OK) ? tookMs - drawnMs : null;
		return new CallRecord("profile", 0, tookMs, tookMs, outcome, null, drawnMs, overhead, labFault);
	}

	private static Timeline timeline(CallRecord... calls) {
		return new Timeline("fan-out", "parallel", 1, Transport.HTTP, 200, "ok", null, List.of(calls), Map.of(), null,
				null);
	}

}
