package io.socketmonitor.bench;

import io.socketmonitor.server.Mode;
import io.socketmonitor.server.ServerConfig;
import java.awt.EventQueue;
import java.awt.Frame;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Benchmarks that need the window, run on a display (Xvfb in bench/run-all.sh). Not a test:
 * it reports and never asserts. Opens the real window through {@code MainWindow.open} (found
 * by reflection, so this compiles before the window exists), then one of:
 *
 * <pre>
 *   edt      LOAD_CLIENT [EVENTS_PER_S=10000] [SECONDS=10]   idle CPU, then EDT latency under load
 *   keepopen HOLD_CLIENT [PEERS=10000]                       heap, threads, EDT latency while holding
 *   coldstart                                                 JVM start to the window showing
 *   serve    PORT                                             the window, serving greet-and-close on
 *                                                             PORT until killed (for bench/greet_bench.py)
 * </pre>
 *
 * EDT latency: a probe thread posts an invokeLater every 5 ms and records how long each waited
 * until it ran, so it measures what a click would wait for. Output: key=value lines.
 */
public final class WindowBench {
    private WindowBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: WindowBench edt|keepopen|coldstart ...");
            System.exit(2);
        }
        // A fresh preferences root per run: remembered settings (a keep-open mode from an
        // earlier run, a port) would otherwise win over the settings given here.
        System.setProperty("java.util.prefs.userRoot",
                java.nio.file.Files.createTempDirectory("socket-monitor-bench-prefs").toString());
        int code;
        try {
            code = switch (args[0]) {
                case "edt" -> edt(args[1], intArg(args, 2, 10_000), intArg(args, 3, 10));
                case "keepopen" -> keepOpen(args[1], intArg(args, 2, 10_000));
                case "coldstart" -> coldStart();
                case "serve" -> serve(Integer.parseInt(args[1]));
                default -> 2;
            };
        } catch (ClassNotFoundException e) {
            System.out.println("skipped=no window in this build (" + e.getMessage() + ")");
            code = 0;
        }
        System.out.flush();
        System.exit(code);
    }

    private static int intArg(String[] a, int i, int dflt) {
        return a.length > i ? Integer.parseInt(a[i]) : dflt;
    }

    // ------------------------------------------------------------------ the window

    private static void openWindow(ServerConfig config, boolean startNow) throws Exception {
        Class<?> w = Class.forName("io.socketmonitor.ui.MainWindow");
        Method open = w.getMethod("open", ServerConfig.class, boolean.class);
        open.invoke(null, config, startNow);
    }

    private static long waitForWindowMillis(long timeoutMillis) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < end) {
            boolean[] showing = {false};
            EventQueue.invokeAndWait(() -> showing[0] = Arrays.stream(Frame.getFrames())
                    .anyMatch(f -> f.isShowing() && f.getTitle().startsWith("Socket Monitor")));
            if (showing[0]) {
                return System.currentTimeMillis();
            }
            Thread.sleep(2); // a benchmark poll, not a test
        }
        throw new IllegalStateException("the window did not show within " + timeoutMillis + " ms");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitListening(int port, long timeoutMillis) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < end) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the window's server did not listen on " + port);
    }

    // ------------------------------------------------------------------ measurements

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** Waits of the probes posted after the first {@link #WARM_MILLIS} of the last probeEdt run. */
    private static double[] lastWarm = new double[0];
    private static final long WARM_MILLIS = 2000;

    /** Probes the EDT every 5 ms for the given time; returns the waits in milliseconds. */
    private static double[] probeEdt(long millis) throws InterruptedException {
        ConcurrentLinkedQueue<Double> waits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> warm = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            boolean isWarm = posted - start >= TimeUnit.MILLISECONDS.toNanos(WARM_MILLIS);
            EventQueue.invokeLater(() -> {
                double w = (System.nanoTime() - posted) / 1e6;
                waits.add(w);
                if (isWarm) {
                    warm.add(w);
                }
            });
            Thread.sleep(5);
        }
        long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int expected = (int) (millis / 5) - 5;
        while (waits.size() < expected && System.nanoTime() < drainEnd) {
            Thread.sleep(5);
        }
        lastWarm = warm.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static String stats(String name, double[] sorted) {
        if (sorted.length == 0) {
            return name + "_samples=0";
        }
        return String.format(Locale.ROOT, "%s_samples=%d %s_p50_ms=%.2f %s_p99_ms=%.2f %s_max_ms=%.2f", name,
                sorted.length, name, pct(sorted, 50), name, pct(sorted, 99), name, sorted[sorted.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long heapAfterGcBytes() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ------------------------------------------------------------------ modes

    private static int edt(String loadClient, int eventsPerSecond, int seconds) throws Exception {
        int port = freePort();
        openWindow(ServerConfig.defaults().withPort(port), true);
        waitForWindowMillis(30_000);
        waitListening(port, 30_000);
        Thread.sleep(2000); // settle: first paint, JIT of the start-up path

        double c0 = processCpuSeconds();
        long t0 = System.nanoTime();
        Thread.sleep(10_000);
        double idle = (processCpuSeconds() - c0) / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "idle_cpu_pct_window_open=%.2f%n", idle * 100);

        System.out.println(stats("edt_idle", probeEdt(3000)));

        // Greet-and-close: each connection is three events (Connected, Sent, Closed).
        int rate = Math.max(1, eventsPerSecond / 3);
        int total = rate * seconds;
        Process load = new ProcessBuilder(loadClient, "127.0.0.1", Integer.toString(port), Integer.toString(total),
                "8", "18", Integer.toString(rate)).redirectErrorStream(true).start();
        double[] underLoad = probeEdt(seconds * 1000L - 500);
        String loadLine;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
            loadLine = r.readLine();
        }
        load.waitFor(60, TimeUnit.SECONDS);
        System.out.println("load " + loadLine);
        String[] kv = loadLine == null ? new String[0] : loadLine.split(" ");
        for (String p : kv) {
            if (p.startsWith("rate=")) {
                System.out.printf(Locale.ROOT, "events_per_s=%.0f%n", 3 * Double.parseDouble(p.substring(5)));
            }
        }
        System.out.println(stats("edt_load", underLoad));
        System.out.println(stats("edt_load_after_2s", lastWarm));
        return 0;
    }

    private static int keepOpen(String holdClient, int peers) throws Exception {
        int port = freePort();
        openWindow(ServerConfig.defaults().withPort(port).withMode(Mode.KEEP_OPEN).withMaxConnections(peers + 100), true);
        waitForWindowMillis(30_000);
        waitListening(port, 30_000);
        Thread.sleep(2000);
        long heap0 = heapAfterGcBytes();
        int threads0 = ManagementFactory.getThreadMXBean().getThreadCount();
        java.util.Set<String> names0 = threadNames();
        System.out.println(stats("edt_before", probeEdt(2000)));

        Process hold = new ProcessBuilder(holdClient, "127.0.0.1", Integer.toString(port), Integer.toString(peers))
                .redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(hold.getInputStream(), StandardCharsets.UTF_8));
        List<double[]> during = new ArrayList<>();
        String greeted = r.readLine(); // blocks until all are greeted (bounded by the hold client's own limit)
        System.out.println("hold " + greeted);
        Thread.sleep(1000);
        double[] holding = probeEdt(5000);
        during.add(holding);
        long heap1 = heapAfterGcBytes();
        int threads1 = ManagementFactory.getThreadMXBean().getThreadCount();
        System.out.println(stats("edt_holding", holding));
        System.out.printf(Locale.ROOT, "heap_before_mib=%.1f heap_holding_mib=%.1f extra_heap_mib=%.1f%n",
                heap0 / 1048576.0, heap1 / 1048576.0, (heap1 - heap0) / 1048576.0);
        java.util.Set<String> added = threadNames();
        added.removeAll(names0);
        System.out.printf("threads_before=%d threads_holding=%d extra_threads=%d new_threads=%s%n", threads0, threads1,
                threads1 - threads0, added);
        System.out.println("socket_monitor_threads=" + threadNames().stream().filter(n -> n.startsWith("socket-monitor"))
                .sorted().toList());
        hold.destroy();
        hold.waitFor(10, TimeUnit.SECONDS);
        return 0;
    }

    private static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            names.add(t.getName());
        }
        return names;
    }

    private static int serve(int port) throws Exception {
        openWindow(ServerConfig.defaults().withPort(port), true);
        waitForWindowMillis(30_000);
        waitListening(port, 30_000);
        System.out.println("Listening on 127.0.0.1:" + port + " for connections (window open)");
        System.out.flush();
        Thread.currentThread().join(); // until SIGTERM; the JVM's shutdown ends the window and server
        return 0;
    }

    private static int coldStart() throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        openWindow(ServerConfig.defaults().withPort(0), false);
        long shown = waitForWindowMillis(30_000);
        System.out.println("jvm_start_to_window_ms=" + (shown - jvmStart));
        System.out.flush();
        Thread.sleep(1500); // stay mapped long enough for an outside observer (xdotool) to see it
        return 0;
    }
}
