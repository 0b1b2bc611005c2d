package dev.hotline.console;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

/**
 * Records in the page when a condition on its DOM first holds, or each value an expression takes, with the browser's
 * {@code Date.now()}: the machine's clock, which the test reads too, so "event to DOM change" is measured, not slept.
 * A condition already true when it is registered is recorded as -1 (it cannot be the effect of a later event).
 */
final class DomWatch {

    private static final String INSTALL = """
            if (!window.__domWatch) {
              const seen = {}, conditions = [], tracks = {};
              const check = () => {
                const now = Date.now();
                for (const [name, test] of conditions) {
                  if (!(name in seen)) { try { if (test()) seen[name] = now; } catch (e) { /* not rendered yet */ } }
                }
                for (const [name, track] of Object.entries(tracks)) {
                  let value; try { value = String(track.expr()); } catch (e) { continue; }
                  const last = track.values[track.values.length - 1];
                  if (!last || last[1] !== value) track.values.push([now, value]);
                }
              };
              new MutationObserver(check).observe(document.documentElement,
                  {subtree: true, childList: true, characterData: true, attributes: true});
              const fn = expr => new Function('return (' + expr + ');');
              window.__domWatch = {
                seen, tracks,
                when(name, expr) {
                  const test = fn(expr);
                  let already = false; try { already = !!test(); } catch (e) { }
                  if (already) seen[name] = -1; else conditions.push([name, test]);
                },
                track(name, expr) { tracks[name] = {expr: fn(expr), values: []}; check(); }
              };
            }""";

    private final WebDriver browser;
    private final JavascriptExecutor js;

    DomWatch(WebDriver browser) {
        this.browser = browser;
        this.js = (JavascriptExecutor) browser;
        js.executeScript(INSTALL);
    }

    /** Starts watching for {@code expression} (JavaScript, evaluated in the page) to become true. */
    DomWatch when(String name, String expression) {
        js.executeScript("window.__domWatch.when(arguments[0], arguments[1])", name, expression);
        return this;
    }

    /** Starts recording each distinct value of {@code expression}. */
    DomWatch track(String name, String expression) {
        js.executeScript("window.__domWatch.track(arguments[0], arguments[1])", name, expression);
        return this;
    }

    /** When the condition {@code name} first held (epoch millis); waits up to 15 s for it. */
    long at(String name) {
        Object at = new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage("DOM condition '" + name + "'")
                .until(b -> js.executeScript("return window.__domWatch.seen[arguments[0]]", name));
        return ((Number) at).longValue();
    }

    /** The values {@code name} took so far, each as [epoch millis, value]. */
    @SuppressWarnings("unchecked")
    List<List<Object>> values(String name) {
        return (List<List<Object>>) js.executeScript("return window.__domWatch.tracks[arguments[0]].values", name);
    }
}
