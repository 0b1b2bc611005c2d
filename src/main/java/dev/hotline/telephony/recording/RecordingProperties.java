package dev.hotline.telephony.recording;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Call recording ({@code hotline.recording.*}, issue 19). Which queues record is set per queue through the API
 * ({@code PUT /api/queues/{name}/recording}); everything here is the company's defaults.
 *
 * @param retention          how long a recording is kept; the purge deletes the row and its media after that
 * @param directory          where the app finds Asterisk's recordings (the directory Asterisk writes, shared with the
 *                           app, e.g. the same volume mounted on both)
 * @param asteriskDirectory  the same directory as Asterisk sees it: MixMonitor is told to write there
 * @param asteriskFormat     the file format MixMonitor writes (its file name extension): wav, gsm, wav49...
 * @param asteriskOptions    MixMonitor options (e.g. {@code b}: only while bridged, so music on hold is not kept)
 * @param asteriskPrompt     the sound the dialplan plays before an agent of a recording queue is rung (Playback)
 * @param spokenNotice       what Twilio says (in order) before ringback when the queue records
 * @param purgeBatch         recordings deleted per purge run (the rest on the next run)
 * @param settingsRefresh    how soon a queue's recording switch changed on another node is seen here
 */
@ConfigurationProperties("hotline.recording")
public record RecordingProperties(@DefaultValue("180d") Duration retention,
                                  @DefaultValue("recordings") String directory,
                                  @DefaultValue("/var/spool/asterisk/monitor/hotline") String asteriskDirectory,
                                  @DefaultValue("wav") String asteriskFormat,
                                  @DefaultValue("") String asteriskOptions,
                                  @DefaultValue("hotline-call-recorded") String asteriskPrompt,
                                  List<Notice> spokenNotice,
                                  @DefaultValue("200") int purgeBatch,
                                  @DefaultValue("5s") Duration settingsRefresh) {

    public RecordingProperties {
        spokenNotice = spokenNotice == null ? List.of() : List.copyOf(spokenNotice);
    }

    /** One sentence Twilio says, in a {@code <Say>} language (zh-CN, en-US...). */
    public record Notice(String language, String text) {
    }
}
