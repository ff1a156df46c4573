package dev.lifecycle.it.aws;

/** A fixed port an emulator or the local platform must listen on is taken by another process. */
public final class PortTakenException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int port;

    public PortTakenException(String what, int port, String remedy) {
        super(what + " cannot listen on " + Emulator.HOST + ":" + port + ": the port is taken (a local platform still running? "
                + "`ss -ltnp 'sport = :" + port + "'` shows the process). " + remedy);
        this.port = port;
    }

    public int port() {
        return port;
    }
}
