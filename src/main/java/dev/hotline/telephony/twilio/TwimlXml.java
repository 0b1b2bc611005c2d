package dev.hotline.telephony.twilio;

import com.twilio.twiml.TwiML;

/**
 * TwiML as XML. The SDK asks JAXP for a new DOM and a new transformer factory on every call; without a configured
 * implementation each lookup scans the class path (all nested jars of the boot jar) for providers under a shared
 * lock, which the routing benchmark showed as webhook threads queueing on jar files. Pinned to the JDK's own
 * implementations (what the scan finds anyway), a lookup is one class-name load. A deployment that sets these
 * system properties itself keeps its choice.
 */
final class TwimlXml {

    static {
        pin("javax.xml.parsers.DocumentBuilderFactory",
                "com.sun.org.apache.xerces.internal.jaxp.DocumentBuilderFactoryImpl");
        pin("javax.xml.transform.TransformerFactory",
                "com.sun.org.apache.xalan.internal.xsltc.trax.TransformerFactoryImpl");
    }

    private TwimlXml() {
    }

    static String of(TwiML twiml) {
        return twiml.toXml();
    }

    private static void pin(String property, String implementation) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, implementation);
        }
    }
}
