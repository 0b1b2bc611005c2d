package dev.hotline.telephony.recording;

/** Who made a recording and therefore holds its media: a file MixMonitor wrote, or Twilio's copy. */
public enum RecordingSource {
    ASTERISK, TWILIO
}
