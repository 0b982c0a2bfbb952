package dev.patterncatalog.catalog.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTests {

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			gzip                                | true
			GZIP                                | true
			x-gzip                              | true
			gzip, deflate, br, zstd             | true
			br;q=1.0, gzip;q=0.8, *;q=0.1       | true
			gzip;q=0.001                        | true
			gzip ; Q=1.000                      | true
			*                                   | true
			*;q=0.5                             | true
			gzip;q=0.5, identity;q=0.5          | true
			gzip, identity;q=0                  | true
			,, gzip ,,                          | true
			gzip;q=0                            | false
			gzip;q=0.000                        | false
			gzip;q=0, *                         | false
			*;q=0                               | false
			identity                            | false
			gzip;q=0.5, identity                | false
			br, deflate                         | false
			zstd;q=1, identity;q=0.5            | false
			gzip;q=abc                          | false
			gzip;q=2                            | false
			gzip;q=1.5                          | false
			gzip;q=0.1234                       | false
			gzip;level=9                        | false
			gzip;q = 1                          | false
			gz ip                               | false
			g\u00fczip                              | false
			''                                  | false
			""")
	void gzipIsAllowedOnlyWhenListedWithAWeightAboveZeroAndNotBelowIdentity(String header, boolean allowed) {
		assertThat(AcceptEncoding.allowsGzip(List.of(header))).isEqualTo(allowed);
	}

	@Test
	void everyValueOfARepeatedHeaderCounts() {
		assertThat(AcceptEncoding.allowsGzip(List.of("br", "gzip"))).isTrue();
		assertThat(AcceptEncoding.allowsGzip(List.of("gzip", "identity;q=1", "gzip;q=0.5"))).isTrue();
		assertThat(AcceptEncoding.allowsGzip(List.of("gzip;q=0.5", "identity"))).isFalse();
	}

	@Test
	void noHeaderMeansNoEncoding() {
		assertThat(AcceptEncoding.allowsGzip(null)).isFalse();
		assertThat(AcceptEncoding.allowsGzip(List.of())).isFalse();
	}

}
