package dev.hotline.telephony.recording;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A real recording's bytes for tests: one second of 440 Hz, 8 kHz 16-bit mono PCM in RIFF/WAVE (MixMonitor's .wav). */
public final class TestTone {

    private TestTone() {
    }

    public static byte[] wav() {
        int rate = 8000;
        var wav = ByteBuffer.allocate(44 + rate * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + rate * 2)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(rate * 2);
        for (int i = 0; i < rate; i++) {
            wav.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return wav.array();
    }
}
