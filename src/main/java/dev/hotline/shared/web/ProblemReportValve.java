package dev.hotline.shared.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Tomcat refuses before the application sees the request (an encoded slash or NUL in the path, a malformed
 * request line) as an RFC 9457 problem instead of Tomcat's HTML error page. Errors the application answered itself
 * already have a body and are left alone.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        var known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = status >= 500 ? "internal"
                : known == null ? "http-" + status : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String detail = status >= 500 ? "Something went wrong on our side; it has been logged"
                : "The server refused the request before reading it (" + title + ")";
        String body = "{\"type\":\"https://hotline.dev/problems/" + code + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException tooLate) {
            // the connection is gone or the response committed meanwhile: nothing left to tell
        }
    }
}
