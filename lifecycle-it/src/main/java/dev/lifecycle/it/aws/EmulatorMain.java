package dev.lifecycle.it.aws;

import java.lang.reflect.Field;
import java.util.Arrays;

/**
 * The entry point inside each emulator's own JVM. It stops the emulator when the JVM that started
 * it is gone (a killed test run must not leave servers behind), and binds DynamoDB Local to one
 * address, which DynamoDB Local's command line cannot do.
 *
 * <p>It runs with only the emulator's jars and this one class on the class path (the harness copies
 * the class file out), so it uses the JDK alone and reaches the emulator by reflection. It must
 * stay a single class: no nested or anonymous classes.
 *
 * <pre>
 * EmulatorMain dynamodb-local &lt;host&gt; [DynamoDB Local arguments...]
 * EmulatorMain run &lt;main class&gt; [arguments...]
 * </pre>
 */
public final class EmulatorMain {

    static final String DYNAMODB_LOCAL = "dynamodb-local";
    static final String RUN = "run";

    private EmulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: EmulatorMain dynamodb-local <host> [args...] | run <main class> [args...]");
        }
        exitWhenParentExits();
        String[] rest = Arrays.copyOfRange(args, 2, args.length);
        if (DYNAMODB_LOCAL.equals(args[0])) {
            startDynamoDbLocal(args[1], rest);
        } else if (RUN.equals(args[0])) {
            Class.forName(args[1]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } else {
            throw new IllegalArgumentException("unknown mode " + args[0] + ": expected dynamodb-local or run");
        }
    }

    /**
     * DynamoDB Local's {@code ServerRunner} builds a Jetty server listening on every interface; this
     * builds the same server, moves its connectors to {@code host} before they bind, then starts it.
     */
    private static void startDynamoDbLocal(String host, String[] args) throws Exception {
        Class<?> runner = Class.forName("com.amazonaws.services.dynamodbv2.local.main.ServerRunner");
        Object server = runner.getMethod("createServerFromCommandLineArgs", String[].class).invoke(null, (Object) args);
        Field jettyField = server.getClass().getDeclaredField("server");
        jettyField.setAccessible(true);
        Object jetty = jettyField.get(server);
        Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
        if (connectors.length == 0) {
            throw new IllegalStateException("DynamoDB Local's Jetty server has no connector to bind to " + host);
        }
        for (Object connector : connectors) {
            connector.getClass().getMethod("setHost", String.class).invoke(connector, host);
        }
        server.getClass().getMethod("start").invoke(server);
        System.out.println("DynamoDB Local started on " + host + " with " + String.join(" ", args));
    }

    /**
     * When the parent process ends (normally, by Ctrl-C or by a kill -9 that ran no shutdown hook),
     * the emulator ends too: first gracefully, then by halting if its own shutdown hangs.
     */
    private static void exitWhenParentExits() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> {
            System.err.println("The process that started this emulator (pid " + parent.pid() + ") has ended: stopping.");
            Thread halt = new Thread(() -> {
                sleep(10_000);
                Runtime.getRuntime().halt(1);
            }, "emulator-halt");
            halt.setDaemon(true);
            halt.start();
            System.exit(0);
        }));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
