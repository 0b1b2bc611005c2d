package dev.hotline;

import dev.hotline.console.BrowserSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static dev.hotline.telephony.twilio.SignedWebhooks.delivery;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.sms;
import static org.assertj.core.api.Assertions.assertThat;

/** The agent console in headless Chromium: a customer's SMS shows in the conversation panel and the agent replies. */
class TextConversationBrowserTests extends SystemTestSupport {

    @Test
    void smsShowsInTheConversationPanelAndEnterSendsTheReply() throws Exception {
        String agent = agent("web-lan");
        try (var session = BrowserSession.start(port).logIn(agent, "/console/agent.html")) {
            var browser = session.browser;
            var wait = session.waiting();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#link.up")));
            browser.findElement(By.id("go-available")).click();
            wait.until(d -> presence.status(agent).state() == dev.hotline.routing.AgentState.AVAILABLE);

            assertThat(twilioPosts("/twilio/messaging", sms(randomSid("SM"), customer, HOTLINE_NUMBER,
                    "热水器显示E5故障"), true).statusCode()).isEqualTo(200);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);   // the accept button has the focus

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conversation")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conversation-messages"), "热水器显示E5故障"));
            assertThat(browser.findElement(By.id("conversation-with")).getText()).contains("SMS").contains(customer);

            var reply = browser.findElement(By.id("reply"));
            reply.sendKeys("您好，请断电重启后再试。", Keys.ENTER);
            var sent = twilio.await(r -> customer.equals(r.field("To")));
            assertThat(sent.field("Body")).isEqualTo("您好，请断电重启后再试。");
            By outbound = By.cssSelector("#conversation-messages .msg.out");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(outbound, "Queued"));
            assertThat(browser.findElement(outbound).getText()).contains("您好，请断电重启后再试。").contains(agent);
            assertThat(reply.getAttribute("value")).isEmpty();

            String sid = browser.findElement(outbound).getAttribute("data-message-sid");
            assertThat(sid).startsWith("SM");
            assertThat(twilioPosts("/twilio/messaging/status", delivery(sid, "delivered", null), true).statusCode())
                    .isEqualTo(204);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(outbound, "Delivered"));

            new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(outbound, "已送达"));
            assertThat(browser.findElement(By.id("conversation-title")).getText()).contains("会话").contains("短信");
        }
    }
}
