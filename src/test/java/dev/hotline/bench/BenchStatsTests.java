package dev.hotline.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's own arithmetic and framing: if these are wrong, every figure and smoke verdict is. */
class BenchStatsTests {

    @Test
    void percentilesAreNearestRank() {
        var stats = new BenchStats();
        for (long v = 100; v >= 1; v--) {
            stats.add(v);
        }
        assertThat(stats.summary("p50", "p95", "p99", "max"))
                .containsEntry("p50", 50L).containsEntry("p95", 95L).containsEntry("p99", 99L).containsEntry("max", 100L);
        assertThat(BenchStats.percentile(new long[]{7}, 99)).isEqualTo(7);
        assertThat(BenchStats.percentile(new long[]{1, 2}, 50)).isEqualTo(1);
        assertThat(BenchStats.percentile(new long[0], 99)).isZero();
    }

    @Test
    void framesRoundTripWithEscapedHeaders() {
        var frame = Stomp.Frame.withBody("SEND", "{\"state\":\"AVAILABLE\"}", "destination", "/app/agent/state",
                "note", "a:b\nc");
        String wire = Stomp.encode(frame);
        assertThat(wire).startsWith("SEND\ndestination:/app/agent/state\nnote:a\\cb\\nc\n\n").endsWith("}\0");
        assertThat(new Stomp.Decoder().feed(wire)).containsExactly(frame);
    }

    @Test
    void connectHeadersAreNotEscaped() {
        String wire = Stomp.encode(Stomp.Frame.of("CONNECT", "accept-version", "1.2", "host", "127.0.0.1",
                "heart-beat", "0,0"));
        assertThat(wire).isEqualTo("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n\0");
    }

    @Test
    void decoderJoinsFragmentsAndSkipsHeartBeats() {
        var decoder = new Stomp.Decoder();
        String message = "MESSAGE\ndestination:/user/queue/offers\nsubscription:sub-0\nmessage-id:1\n\n{\"seq\":1}\0";
        assertThat(decoder.feed("\n")).isEmpty();
        assertThat(decoder.feed(message.substring(0, 20))).isEmpty();
        List<Stomp.Frame> frames = decoder.feed(message.substring(20) + "\nCONNECTED\nversion:1.2\n\n\0");
        assertThat(frames).extracting(Stomp.Frame::command).containsExactly("MESSAGE", "CONNECTED");
        assertThat(frames.get(0).header("destination")).isEqualTo("/user/queue/offers");
        assertThat(frames.get(0).body()).isEqualTo("{\"seq\":1}");
    }

    @Test
    void callsAreFoundHoweverTheNumberIsWritten() {
        assertThat(CallBook.key("+8613812300042")).isEqualTo(CallBook.key("138 1230 0042"))
                .isEqualTo(CallBook.key("0086-138-1230-0042"));
    }

    @Test
    void aSecondAgentHoldingANonWidenedOfferIsADoubleOffer() {
        var book = new CallBook();
        var call = callOf(book, 42);
        assertThat(book.offered(call, "a", 1_000)).isFalse();
        book.withdrawn(42, "a", 2_000); // withdrawn after ring-no-answer, then offered on: fine
        assertThat(book.offered(call, "b", 2_500)).isFalse();
        assertThat(book.offered(call, "c", 3_000)).isTrue();
        book.confirmDoubles();
        assertThat(book.doubleOffers()).isEqualTo(1);
        assertThat(book.offerLatency.count()).isEqualTo(1);
    }

    @Test
    void aWithdrawalThatArrivesLateButHappenedFirstIsNoDoubleOffer() {
        var book = new CallBook();
        var call = callOf(book, 43);
        book.offered(call, "a", 1_000);
        assertThat(book.offered(call, "b", 6_000)).isTrue();  // b's offer reached its socket first
        book.withdrawn(43, "a", 5_000);                        // a's withdrawal, relayed from the other node
        book.confirmDoubles();
        assertThat(book.doubleOffers()).isZero();
        book.offeredWidened(call);                             // ring 3: everybody rings, by design
        book.confirmDoubles();
        assertThat(book.doubleOffers()).isZero();
    }

    @Test
    void smokeFailsOnlyOnCorrectnessCounts() {
        Map<String, Object> contacts = new LinkedHashMap<>(Map.of("lost", 0, "doubleOffers", 0,
                "agentsWithTwoCalls", 0, "abandoned", 7));
        Map<String, Object> result = new LinkedHashMap<>(Map.of("scenario", "routing", "contacts", contacts,
                "offerLatencyMs", Map.of("p99", 9_000)));
        assertThat(Correctness.wrong(result)).isEmpty();
        contacts.put("lost", 2);
        assertThat(Correctness.wrong(result)).containsExactly("contacts.lost=2");
        assertThat(Correctness.wrong(Map.of("scenario", "consoles", "sessionsHeld", 0, "sessionsDropped", 0)))
                .containsExactly("sessionsHeld=0");
    }

    @Test
    void lookupNumbersAreWrittenFourWays() {
        assertThat(LookupBench.written(5, 369333, 0)).isEqualTo("0795-7369333");
        assertThat(LookupBench.written(5, 369333, 1)).isEqualTo("+86 795 7369 333");
        assertThat(LookupBench.written(5, 369333, 2)).isEqualTo("13905369333");
        assertThat(LookupBench.written(5, 369333, 3)).isEqualTo("+86 139 0536 9333");
        assertThat(LookupBench.csvChunk(5, 0, 2)).startsWith(LookupBench.HEADER).contains("0795-7000000;13905000000");
    }

    @Test
    void twilioSignatureFollowsTheDocumentedAlgorithm() {
        // Twilio's documentation example (token 12345, these parameters) gives this signature
        var params = new LinkedHashMap<String, String>();
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", "+12349013030");
        params.put("Digits", "1234");
        params.put("From", "+12349013030");
        params.put("To", "+18005551212");
        assertThat(dev.hotline.telephony.twilio.SignedWebhooks.signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }

    /** A caller of the run, already bound to its contact id (as after its first offer). */
    private static CallBook.Call callOf(CallBook book, long contactId) {
        var call = new CallBook.Call(0, "+86138123000" + contactId, "CA" + contactId, System.nanoTime());
        book.add(call);
        book.bind(call, contactId);
        return call;
    }
}
