package dev.hotline.telephony.twilio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * One ringback cadence period as a WAV for {@code <Play loop="0">}: 450 Hz for 1 s, then silence to the end of the
 * period (China's ringback, 1 s on / 4 s off), so one loop is one ring of the three-ring rule. Public: Twilio fetches
 * media without a signature.
 */
@Tag(name = "Twilio webhooks")
@RestController
class RingbackTone {

    static final String PATH = "/twilio/ringback.wav";
    private static final int RATE = 8_000;

    private final byte[] wav;

    RingbackTone(TwilioProperties properties) {
        this.wav = wav(Duration.ofSeconds(1), properties.ringbackPeriod(), 450);
    }

    @Operation(summary = "The ringback tone a waiting caller hears")
    @GetMapping(PATH)
    ResponseEntity<byte[]> tone() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("audio/wav"))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1))).body(wav);
    }

    static byte[] wav(Duration on, Duration period, int hertz) {
        int samples = (int) (RATE * Math.max(period.toMillis(), on.toMillis()) / 1000);
        int toneSamples = (int) (RATE * on.toMillis() / 1000);
        var pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            double s = i < toneSamples ? Math.sin(2 * Math.PI * hertz * i / RATE) * 0.3 : 0;
            pcm.putShort((short) (s * Short.MAX_VALUE));
        }
        var header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes())
                .put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes()).putInt(samples * 2);
        var out = new ByteArrayOutputStream(44 + samples * 2);
        out.writeBytes(header.array());
        out.writeBytes(pcm.array());
        return out.toByteArray();
    }
}
