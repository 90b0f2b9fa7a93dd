package dev.buildkitbot.bot.slack;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/**
 * Socket Mode: the app opens a WebSocket to Slack (apps.connections.open with the app-level token),
 * so no public URL is needed. Uses the Java-WebSocket backend; Bolt acknowledges each envelope over
 * the socket exactly as it answers HTTP requests.
 */
public final class SocketMode implements AutoCloseable {
    private final SocketModeApp socket;

    public SocketMode(SlackApp slackApp, String appToken) throws Exception {
        this.socket = new SocketModeApp(appToken, slackApp.app(), SocketModeClient.Backend.JavaWebSocket);
    }

    /** Connects and returns; the connection lives on the client's threads. */
    public void startAsync() throws Exception {
        socket.startAsync();
    }

    /** Connects and blocks until the process ends. */
    public void start() throws Exception {
        socket.start();
    }

    @Override
    public void close() throws Exception {
        socket.close();
    }
}
