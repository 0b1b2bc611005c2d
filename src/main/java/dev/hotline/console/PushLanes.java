package dev.hotline.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A few single-thread lanes for console pushes: an agent always uses the same lane, so its pushes keep the order of
 * the events, and event publishers (routing) never wait for a push.
 */
@Component
class PushLanes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PushLanes.class);

    private final ExecutorService[] lanes;

    PushLanes(ConsoleProperties properties) {
        lanes = new ExecutorService[properties.pushThreads()];
        for (int i = 0; i < lanes.length; i++) {
            String name = "console-push-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
    }

    void run(String agent, Runnable push) {
        lanes[Math.floorMod(agent.hashCode(), lanes.length)].execute(() -> {
            try {
                push.run();
            } catch (RuntimeException e) {
                log.warn("Console push to {} failed: {}", agent, e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
    }
}
