package dev.hotline.telephony.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

import java.util.List;
import java.util.Map;

/**
 * The SDK's own HTTP client, sending every request to {@code hotline.twilio.api-base-url} instead of
 * {@code https://*.twilio.com}: a regional gateway or egress proxy in production, a local server playing Twilio in
 * the tests. The SDK builds absolute URLs, so the request is copied with the host replaced.
 */
class ApiHostHttpClient extends NetworkHttpClient {

    private final String apiBaseUrl;

    ApiHostHttpClient(String apiBaseUrl) {
        this.apiBaseUrl = apiBaseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(rehosted(request));
    }

    Request rehosted(Request original) {
        Request copy = new Request(original.getMethod(), rewrite(original.getUrl()));
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copy.setContentType(original.getContentType());
        if (original.getBody() != null) {
            copy.setBody(original.getBody());
        }
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        each(original.getQueryParams(), copy::addQueryParam);
        each(original.getPostParams(), copy::addPostParam);
        each(original.getHeaderParams(), copy::addHeaderParam);
        return copy;
    }

    /** https://api.twilio.com/2010-04-01/Accounts/AC.../Calls/CA....json → {apiBaseUrl}/2010-04-01/Accounts/... */
    String rewrite(String url) {
        int scheme = url.indexOf("://");
        int path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
        return path < 0 ? apiBaseUrl : apiBaseUrl + url.substring(path);
    }

    private static void each(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
