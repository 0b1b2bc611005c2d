package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.telephony.recording.CallRecordings;
import dev.hotline.telephony.recording.QueueRecordings;
import dev.hotline.telephony.recording.RecordingProperties;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.ContactRouting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Duration;

/**
 * The Asterisk adapter: FastAGI for arrivals, AMI for moving calls and hearing what the PBX did. Everything is on only
 * when {@code hotline.asterisk.ami.host} is set: without AMI a registered call could never be connected, so the AGI
 * port stays closed too.
 */
class AsteriskConfiguration {

    private static final String ON = "T(org.springframework.util.StringUtils).hasText('${hotline.asterisk.ami.host:}')";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression(ON)
    static class AsteriskOn {

        @Bean
        LiveCalls asteriskLiveCalls() {
            return new LiveCalls();
        }

        @Bean
        CallDirectory asteriskCallDirectory(LiveCalls calls, ContactIntake intake) {
            return new CallDirectory(calls, intake);
        }

        @Bean
        StrandedOverflows asteriskStrandedOverflows() {
            return new StrandedOverflows();
        }

        @Bean
        CallQualityRecorder asteriskCallQualityRecorder(CallQualityRepository repository,
                                                        SilencePeriodRepository silences) {
            return new CallQualityRecorder(repository, silences);
        }

        @Bean
        HandBack asteriskHandBack(AgentPresence presence) {
            return new HandBack(presence);
        }

        @Bean
        PbxEvents asteriskPbxEvents(CallDirectory directory, LiveCalls calls, ContactIntake intake,
                                    ContactRouting routing, HandBack handBack,
                                    CallQualityRecorder quality, StrandedOverflows stranded,
                                    @Value("${hotline.asterisk.silence-threshold:5s}") Duration silenceThreshold,
                                    AsteriskProperties properties) {
            return new PbxEvents(directory, calls, intake, routing, handBack, quality, stranded, silenceThreshold,
                    properties.overflowContext());
        }

        @Bean
        AmiConnection asteriskAmiConnection(AsteriskProperties properties, PbxEvents pbxEvents,
                                    ObjectProvider<LiveCallResync> resync) {
            return new AmiConnection(properties.ami(), pbxEvents, () -> resync.getObject().run());
        }

        @Bean
        LiveCallResync asteriskLiveCallResync(AmiConnection ami, LiveCalls calls, CallDirectory directory,
                                              ContactIntake intake, ContactRouting routing) {
            return new LiveCallResync(ami, calls, directory, intake, routing);
        }

        @Bean
        CallFinder asteriskCallFinder(LiveCalls calls, ContactIntake intake, CallDirectory directory, AmiConnection ami) {
            return new CallFinder(calls, intake, directory, ami);
        }

        @Bean
        CallConnector asteriskCallConnector(AmiConnection ami, CallFinder finder, HandBack handBack,
                                            StrandedOverflows stranded, LiveCalls calls, AsteriskProperties properties) {
            return new CallConnector(ami, finder, handBack, stranded, calls, properties);
        }

        @Bean
        HoldAndTransfer asteriskHoldAndTransfer(AmiConnection ami, CallFinder finder, ContactRouting routing,
                                                AsteriskProperties properties) {
            return new HoldAndTransfer(ami, finder, routing, properties);
        }

        @Bean
        FastAgiServer asteriskFastAgiServer(AsteriskProperties properties, ContactRouting routing, LiveCalls calls,
                                            QueueRecordings recording, RecordingProperties recordingProperties,
                                            dev.hotline.telephony.callback.CallbackNumbers callbacks) {
            return new FastAgiServer(properties.agi(), new HotlineAgiScript(routing, calls, properties,
                    queue -> recording.records(queue) ? recordingProperties.asteriskPrompt() : null, callbacks),
                    new CallbackAgiScript(callbacks));
        }

        @Bean
        AsteriskRecorder asteriskRecorder(AmiConnection ami, ContactIntake intake, QueueRecordings queues,
                                          CallRecordings recordings, RecordingProperties recordingProperties,
                                          AsteriskProperties properties) {
            return new AsteriskRecorder(ami, intake, queues, recordings, recordingProperties, properties.agentsContext());
        }

        @Bean
        AsteriskHealthIndicator asteriskHealthIndicator(AmiConnection ami, StrandedOverflows stranded) {
            return new AsteriskHealthIndicator(ami, stranded);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("!" + ON)
    static class AsteriskOff {

        private static final Logger log = LoggerFactory.getLogger(AsteriskOff.class);

        @EventListener(ApplicationReadyEvent.class)
        void sayItIsOff() {
            log.info("Asterisk adapter off: hotline.asterisk.ami.host is not set (no AMI connection, no FastAGI port)");
        }
    }
}
