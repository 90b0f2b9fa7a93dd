package dev.buildkitbot.bot.slack;

import dev.buildkitbot.bot.settings.Settings;
import dev.buildkitbot.knowledge.Knowledge;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Socket Mode end to end: apps.connections.open on the fake Web API hands out a loopback WebSocket
 * URL; the "Slack" side sends hello and an events_api envelope; the bot acks the envelope over the
 * socket and answers through the Web API.
 */
class SocketModeTest {
    @TempDir
    Path data;

    static final class FakeSocketSlack extends WebSocketServer {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final List<WebSocket> clients = new CopyOnWriteArrayList<>();

        FakeSocketSlack() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            clients.add(conn);
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"test\"},\"connection_info\":{\"app_id\":\"A0000000001\"}}");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            clients.remove(conn);
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
        }
    }

    @Test
    void anEventOverTheSocketIsAckedThereAndAnsweredThroughTheWebApi() throws Exception {
        FakeSocketSlack socketSlack = new FakeSocketSlack();
        socketSlack.start();
        try (FakeSlackApi api = new FakeSlackApi()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (socketSlack.getPort() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            api.extraResponses.put("apps.connections.open", "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socketSlack.getPort() + "/link\"}");
            Settings settings = Settings.load(Map.of("SLACK_BOT_TOKEN", SlackAppHarness.BOT_TOKEN,
                    "SLACK_APP_TOKEN", "xapp-1-A0000000001-1234567890123-abcdef0123456789abcdef0123456789",
                    "SLACK_API_URL", api.url(), "BUILDKIT_BOT_DATA", data.toString()));
            assertThat(settings.mode()).isEqualTo(Settings.Mode.SOCKET);
            try (Knowledge knowledge = Knowledge.open(data);
                 SlackApp slackApp = new SlackApp(settings, knowledge);
                 SocketMode socket = new SocketMode(slackApp, settings.appToken())) {
                slackApp.app().start();
                socket.startAsync();
                deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (socketSlack.clients.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(socketSlack.clients).isNotEmpty();
                assertThat(api.calls("apps.connections.open")).first()
                        .satisfies(c -> assertThat(c.param("_auth")).startsWith("Bearer xapp-"));
                String event = SlackAppHarness.eventCallback("EvSock1", SlackAppHarness.mention("C0OTHER0001", "1700700001.000100",
                        "<@UBOT0000001> how do I get a stack trace when buildkitd hangs"));
                socketSlack.clients.get(0).send("{\"envelope_id\":\"env-1\",\"type\":\"events_api\",\"accepts_response_payload\":false,"
                        + "\"retry_attempt\":0,\"retry_reason\":\"\",\"payload\":" + event + "}");

                String ack = socketSlack.received.poll(10, TimeUnit.SECONDS);
                assertThat(ack).contains("\"envelope_id\":\"env-1\"");
                FakeSlackApi.Call post = api.await("chat.postMessage", c -> true, Duration.ofSeconds(10));
                assertThat(post.param("thread_ts")).isEqualTo("1700700001.000100");
                assertThat(post.param("blocks")).contains("#reporting-deadlock");
            }
        } finally {
            socketSlack.stop(1_000);
        }
    }
}
