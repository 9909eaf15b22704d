package io.jenkins.plugins.awsbatch.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.exec.ExecutionRuntime;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production runtime's pool: AWS work never runs on the thread that hands it over, and its threads do not
 * keep the class loader of the thread that happened to create them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JenkinsExecutionRuntimeTest {

    @Test
    @Order(1) // first: the pool (shared, static) creates its threads now, from the thread below
    void poolThreadsUseThePluginsClassLoaderNotTheirCreators() throws Exception {
        ExecutionRuntime runtime = EngineDriverFactory.INSTANCE.runtime();
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        try (URLClassLoader script = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
            // stands for the CPS VM thread, whose context class loader is the build's script class loader
            Thread cps = new Thread(() -> {
                try {
                    runtime.execute(() -> seen.set(Thread.currentThread().getContextClassLoader()))
                            .get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            cps.setContextClassLoader(script);
            cps.start();
            cps.join(10_000);
            assertThat(seen.get()).isNotNull().isNotSameAs(script);
            assertThat(seen.get()).isSameAs(EngineDriverFactory.class.getClassLoader());
        }
    }

    @Test
    @Order(2)
    void aSaturatedPoolQueuesWorkInsteadOfRunningItOnTheCaller() throws Exception {
        ExecutionRuntime runtime = EngineDriverFactory.INSTANCE.runtime();
        Thread caller = Thread.currentThread(); // stands for the CPS VM thread in start(), a timer thread in a poll
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(50);
        List<Future<?>> futures = new ArrayList<>();
        long before = System.nanoTime();
        for (int i = 0; i < 50; i++) { // more tasks than pool threads, each blocked like a slow AWS call
            futures.add(runtime.execute(() -> {
                ranOn.add(Thread.currentThread());
                try {
                    release.await(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }));
        }
        long handOverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);
        release.countDown();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS); // completed, none rejected
        }

        assertThat(ranOn).doesNotContain(caller);
        assertThat(handOverMillis).as("execute() returns at once").isLessThan(2_000);
        assertThat(ranOn).allSatisfy(t -> assertThat(t.getName()).startsWith("aws-batch-graph-"));
    }
}
