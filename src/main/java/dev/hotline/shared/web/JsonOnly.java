package dev.hotline.shared.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The API reads and writes JSON only. An XML library on the class path (a provider SDK brings one) would otherwise
 * let every endpoint read XML bodies with none of the JSON settings (unknown fields ignored, not refused). Strings
 * (TwiML, CSV) keep their own converter.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnly implements WebMvcConfigurer {

    @Override
    @SuppressWarnings("deprecation")
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> !(converter instanceof org.springframework.http.converter.StringHttpMessageConverter)
                && converter.getSupportedMediaTypes().stream().anyMatch(JsonOnly::isXml));
    }

    private static boolean isXml(MediaType type) {
        return type.getSubtype().equals("xml") || type.getSubtype().endsWith("+xml");
    }
}
